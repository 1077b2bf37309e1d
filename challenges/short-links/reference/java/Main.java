import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** Reference solution of short-links: the JDK's HTTP server on virtual threads, Jackson, one lock. */
public class Main {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int MAX_URL = 2048;

  record Link(String code, String url, int hits) {
    ObjectNode json() {
      return JSON.createObjectNode().put("code", code).put("url", url).put("hits", hits);
    }
  }

  record Remembered(String url, Link link) {
  }

  static final class Store {
    private final List<Link> links = new ArrayList<>();
    private final Map<String, Integer> byCode = new HashMap<>();
    private final Map<String, Remembered> idempotent = new HashMap<>();

    /** The link to answer, or null when the key was used with another URL. */
    synchronized Link create(String url, String key) {
      if (key != null && idempotent.containsKey(key)) {
        Remembered first = idempotent.get(key);
        return first.url().equals(url) ? first.link() : null;
      }
      var link = new Link(encode(links.size() + 238_328), url, 0); // 62^3: at least 4 characters
      byCode.put(link.code(), links.size());
      links.add(link);
      if (key != null) {
        idempotent.put(key, new Remembered(url, link));
      }
      return link;
    }

    synchronized Link get(String code) {
      Integer index = byCode.get(code);
      return index == null ? null : links.get(index);
    }

    synchronized String hit(String code) {
      Integer index = byCode.get(code);
      if (index == null) {
        return null;
      }
      Link link = links.get(index);
      links.set(index, new Link(link.code(), link.url(), link.hits() + 1));
      return link.url();
    }

    synchronized Integer indexOf(String code) {
      return byCode.get(code);
    }

    synchronized ObjectNode page(int start, int limit) {
      var items = JSON.createArrayNode();
      int end = Math.min(links.size(), start + limit);
      for (int i = start; i < end; i++) {
        items.add(links.get(i).json());
      }
      var page = JSON.createObjectNode();
      page.set("items", items);
      if (end < links.size() && end > start) {
        page.put("next_cursor", cursorFor(links.get(end - 1).code()));
      } else {
        page.putNull("next_cursor");
      }
      return page;
    }
  }

  private static final Store STORE = new Store();

  public static void main(String[] args) throws IOException {
    // Headers and body go out in separate writes; with Nagle's algorithm on, the body waits for
    // the client's delayed ACK on a kept-alive connection.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 256);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", Main::handle);
    server.start();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (method.equals("GET") && path.equals("/health")) {
        send(exchange, 200, JSON.createObjectNode().put("status", "up"), "application/json");
      } else if (method.equals("POST") && path.equals("/v1/links")) {
        create(exchange);
      } else if (method.equals("GET") && path.equals("/v1/links")) {
        list(exchange);
      } else if (method.equals("GET") && path.startsWith("/v1/links/")) {
        Link link = STORE.get(path.substring("/v1/links/".length()));
        if (link == null) {
          problem(exchange, 404, "no such link");
        } else {
          send(exchange, 200, link.json(), "application/json");
        }
      } else if (method.equals("GET") && path.startsWith("/r/")) {
        String url = STORE.hit(path.substring("/r/".length()));
        if (url == null) {
          problem(exchange, 404, "no such link");
        } else {
          exchange.getResponseHeaders().set("Location", url);
          exchange.sendResponseHeaders(302, -1);
        }
      } else {
        problem(exchange, 404, "no such resource");
      }
    }
  }

  private static void create(HttpExchange exchange) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(exchange.getRequestBody());
    } catch (IOException e) {
      problem(exchange, 400, "the body is not JSON");
      return;
    }
    if (body == null || !body.isObject()) {
      problem(exchange, 400, "the body must be a JSON object");
      return;
    }
    JsonNode url = body.get("url");
    if (url == null || !url.isTextual() || !validUrl(url.asText())) {
      problem(exchange, 422, "url must be an absolute http(s) URL of at most 2048 characters");
      return;
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (key != null && !key.matches("[!-~]{1,64}")) {
      problem(exchange, 400, "Idempotency-Key must be 1 to 64 visible ASCII characters");
      return;
    }
    Link link = STORE.create(url.asText(), key);
    if (link == null) {
      problem(exchange, 409, "this Idempotency-Key was used with another body");
      return;
    }
    exchange.getResponseHeaders().set("Location", "/v1/links/" + link.code());
    send(exchange, 201, link.json(), "application/json");
  }

  private static void list(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String limitText = query.getOrDefault("limit", "10");
    int limit = limitText.matches("\\d{1,3}") ? Integer.parseInt(limitText) : 0;
    if (limit < 1 || limit > 100) {
      problem(exchange, 400, "limit must be a number from 1 to 100");
      return;
    }
    int start = 0;
    if (query.containsKey("cursor")) {
      Integer index = STORE.indexOf(codeOf(query.get("cursor")));
      if (index == null) {
        problem(exchange, 400, "unknown cursor");
        return;
      }
      start = index + 1;
    }
    send(exchange, 200, STORE.page(start, limit), "application/json");
  }

  private static boolean validUrl(String text) {
    if (text.length() > MAX_URL) {
      return false;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Map<String, String> query(String raw) {
    var query = new HashMap<String, String>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.putIfAbsent(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static String encode(long number) {
    var digits = new StringBuilder();
    for (; number > 0; number /= 62) {
      digits.insert(0, ALPHABET.charAt((int) (number % 62)));
    }
    return digits.toString();
  }

  private static String cursorFor(String code) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + code).getBytes(StandardCharsets.UTF_8));
  }

  private static String codeOf(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return text.startsWith("after:") ? text.substring("after:".length()) : "";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    String title = switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      default -> "Unprocessable Content";
    };
    var body = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
        .put("detail", detail);
    send(exchange, status, body, "application/problem+json");
  }

  private static void send(HttpExchange exchange, int status, JsonNode body, String type) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
