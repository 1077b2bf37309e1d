import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/** Reference solution of stock-reservations: the JDK's HTTP server on virtual threads, Jackson, one lock. */
public class Main {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9-]{1,32}");

  static final class Problem extends Exception {
    final int status;

    Problem(int status, String detail) {
      super(detail);
      this.status = status;
    }
  }

  static final class Item {
    final String sku;
    String name;
    long stock;
    long reserved;
    int version = 1;

    Item(String sku, String name, long stock) {
      this.sku = sku;
      this.name = name;
      this.stock = stock;
    }

    ObjectNode json() {
      return JSON.createObjectNode().put("sku", sku).put("name", name).put("stock", stock).put("reserved", reserved)
          .put("available", stock - reserved).put("version", version);
    }

    String etag() {
      return "\"" + version + "\"";
    }
  }

  record Reservation(String id, String sku, long quantity, long expiresNanos) {
    ObjectNode json() {
      return JSON.createObjectNode().put("id", id).put("sku", sku).put("quantity", quantity);
    }
  }

  /** Items and live reservations; expired reservations are dropped, earliest first, whenever the store is used. */
  static final class Store {
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final PriorityQueue<Reservation> expiries =
        new PriorityQueue<>((a, b) -> Long.compare(a.expiresNanos(), b.expiresNanos()));
    private long ids;

    private void expire() {
      long now = System.nanoTime();
      while (!expiries.isEmpty() && expiries.peek().expiresNanos() - now <= 0) {
        release(expiries.poll().id());
      }
    }

    private Reservation release(String id) {
      Reservation reservation = reservations.remove(id);
      if (reservation != null) {
        items.get(reservation.sku()).reserved -= reservation.quantity();
      }
      return reservation;
    }

    /** The status and the item as it now is. */
    synchronized Map.Entry<Integer, ObjectNode> put(String sku, String name, long stock, String ifMatch)
        throws Problem {
      expire();
      Item item = items.get(sku);
      if (item == null) {
        if (ifMatch != null) {
          throw new Problem(412, "there is no such item to match");
        }
        item = new Item(sku, name, stock);
        items.put(sku, item);
        return Map.entry(201, item.json());
      }
      if (ifMatch == null) {
        throw new Problem(428, "changing an item needs If-Match with its ETag");
      }
      if (!ifMatch.equals(item.etag())) {
        throw new Problem(412, "the item has changed since that ETag");
      }
      if (stock < item.reserved) {
        throw new Problem(409, "stock cannot drop below the " + item.reserved + " reserved");
      }
      item.name = name;
      item.stock = stock;
      item.version++;
      return Map.entry(200, item.json());
    }

    synchronized ObjectNode get(String sku) throws Problem {
      expire();
      Item item = items.get(sku);
      if (item == null) {
        throw new Problem(404, "no such item");
      }
      return item.json();
    }

    synchronized Reservation reserve(String sku, long quantity, long ttlSeconds) throws Problem {
      expire();
      Item item = items.get(sku);
      if (item == null) {
        throw new Problem(404, "no such item");
      }
      if (quantity > item.stock - item.reserved) {
        throw new Problem(409, "only " + (item.stock - item.reserved) + " available");
      }
      var reservation = new Reservation("r" + ++ids, sku, quantity, System.nanoTime() + ttlSeconds * 1_000_000_000L);
      reservations.put(reservation.id(), reservation);
      expiries.add(reservation);
      item.reserved += quantity;
      return reservation;
    }

    synchronized Reservation reservation(String id, boolean delete) throws Problem {
      expire();
      Reservation reservation = delete ? release(id) : reservations.get(id);
      if (reservation == null) {
        throw new Problem(404, "no such live reservation");
      }
      return reservation;
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
      try {
        route(exchange, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath().substring(1).split("/", -1));
      } catch (Problem problem) {
        String title = switch (problem.status) {
          case 400 -> "Bad Request";
          case 404 -> "Not Found";
          case 409 -> "Conflict";
          case 412 -> "Precondition Failed";
          case 428 -> "Precondition Required";
          default -> "Unprocessable Content";
        };
        send(exchange, problem.status, JSON.createObjectNode().put("type", "about:blank").put("title", title)
            .put("status", problem.status).put("detail", problem.getMessage()), "application/problem+json");
      }
    }
  }

  private static void route(HttpExchange exchange, String method, String[] parts) throws IOException, Problem {
    if (method.equals("GET") && parts.length == 1 && parts[0].equals("health")) {
      send(exchange, 200, JSON.createObjectNode().put("status", "up"), "application/json");
      return;
    }
    if (parts.length >= 3 && parts[0].equals("v1") && parts[1].equals("items") && SKU.matcher(parts[2]).matches()) {
      String sku = parts[2];
      if (parts.length == 3 && method.equals("PUT")) {
        JsonNode body = body(exchange);
        JsonNode name = body.get("name");
        JsonNode stock = body.get("stock");
        if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 100
            || !isInt(stock, 0, 1_000_000_000)) {
          throw new Problem(422, "name must be 1 to 100 characters and stock an integer from 0 to 1000000000");
        }
        var answer = STORE.put(sku, name.asText(), stock.asLong(), exchange.getRequestHeaders().getFirst("If-Match"));
        sendItem(exchange, answer.getKey(), answer.getValue());
        return;
      }
      if (parts.length == 3 && method.equals("GET")) {
        sendItem(exchange, 200, STORE.get(sku));
        return;
      }
      if (parts.length == 4 && parts[3].equals("reservations") && method.equals("POST")) {
        JsonNode body = body(exchange);
        JsonNode quantity = body.get("quantity");
        JsonNode ttl = body.get("ttl_seconds");
        if (!isInt(quantity, 1, 1_000_000) || !isInt(ttl, 1, 3600)) {
          throw new Problem(422, "quantity must be an integer from 1 to 1000000, ttl_seconds from 1 to 3600");
        }
        Reservation reservation = STORE.reserve(sku, quantity.asLong(), ttl.asLong());
        exchange.getResponseHeaders().set("Location", "/v1/reservations/" + reservation.id());
        send(exchange, 201, reservation.json(), "application/json");
        return;
      }
    }
    if (parts.length == 3 && parts[0].equals("v1") && parts[1].equals("reservations")) {
      if (method.equals("GET")) {
        send(exchange, 200, STORE.reservation(parts[2], false).json(), "application/json");
        return;
      }
      if (method.equals("DELETE")) {
        STORE.reservation(parts[2], true);
        exchange.sendResponseHeaders(204, -1);
        return;
      }
    }
    throw new Problem(404, "no such resource");
  }

  private static boolean isInt(JsonNode value, long low, long high) {
    return value != null && value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= low
        && value.asLong() <= high;
  }

  private static JsonNode body(HttpExchange exchange) throws Problem {
    JsonNode body;
    try {
      body = JSON.readTree(exchange.getRequestBody());
    } catch (IOException e) {
      throw new Problem(400, "the body is not JSON");
    }
    if (body == null || !body.isObject()) {
      throw new Problem(400, "the body must be a JSON object");
    }
    return body;
  }

  private static void sendItem(HttpExchange exchange, int status, ObjectNode item) throws IOException {
    exchange.getResponseHeaders().set("ETag", "\"" + item.get("version").asInt() + "\"");
    send(exchange, status, item, "application/json");
  }

  private static void send(HttpExchange exchange, int status, JsonNode body, String type) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
