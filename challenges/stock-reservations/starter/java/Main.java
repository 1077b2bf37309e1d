import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * Stock reservations API: start here. The JDK's own HTTP server and Jackson (jackson-databind, on the
 * class path) are all you need; the sandbox has no network to fetch other libraries.
 */
public class Main {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws IOException {
    // Headers and body are written separately: without this, each body waits for a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 256);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", Main::handle);
    server.start();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (exchange.getRequestMethod().equals("GET") && path.equals("/health")) {
        send(exchange, 200, JSON.createObjectNode().put("status", "up"), "application/json");
        return;
      }
      // TODO: PUT and GET /v1/items/{sku} (ETag, If-Match), POST /v1/items/{sku}/reservations,
      // GET and DELETE /v1/reservations/{id}
      problem(exchange, 404, "Not Found");
    }
  }

  private static void problem(HttpExchange exchange, int status, String title) throws IOException {
    send(exchange, status, JSON.createObjectNode().put("type", "about:blank").put("title", title)
        .put("status", status), "application/problem+json");
  }

  private static void send(HttpExchange exchange, int status, JsonNode body, String type) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
