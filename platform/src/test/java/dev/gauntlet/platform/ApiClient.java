package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for one running platform, as a user's script would talk to it. */
final class ApiClient {
  static final Path CATALOG = Path.of("..", "challenges").toAbsolutePath().normalize();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a request as an author, with the author token. */
  HttpResponse<String> asAuthor(String token, String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a JSON request (or none, when body is null) with a session token, when there is one. */
  HttpResponse<String> call(String method, String path, String token, JsonObject body)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs a staff member in and returns the session token. */
  String signIn(String email, String password) throws IOException, InterruptedException {
    var response = call("POST", "/api/v1/sessions", null, new JsonObject().put("email", email).put("password", password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body()).getString("token");
  }

  /** Has an admin add a staff account, then signs it in and returns its session token. */
  String addStaff(String adminSession, String email, String role, String password)
      throws IOException, InterruptedException {
    var response = call("POST", "/api/v1/staff", adminSession, new JsonObject().put("email", email)
        .put("role", role).put("password", password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return signIn(email, password);
  }

  /** Submits and returns the submission's location. */
  String submit(String challenge, String language, Map<String, String> files) throws IOException, InterruptedException {
    var response = post("/api/v1/submissions", "application/json", new JsonObject()
        .put("challenge", challenge).put("language", language).put("files", new JsonObject(Map.copyOf(files))).encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** Polls a submission until it is judged. */
  JsonObject awaitJudged(String location) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      var submission = new JsonObject(get(location).body());
      if ("JUDGED".equals(submission.getString("status"))) {
        return submission;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(location + " was not judged within 3 minutes");
  }

  /** Reads a server-sent event stream to its end, as (event, data) pairs. */
  List<Map.Entry<String, String>> events(String path) throws IOException, InterruptedException {
    return events(path, null);
  }

  /** Reads a server-sent event stream with a session token, as the browser's page does with fetch. */
  List<Map.Entry<String, String>> events(String path, String token) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    var events = new ArrayList<Map.Entry<String, String>>();
    String event = null;
    for (String line : (Iterable<String>) response.body()::iterator) {
      if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ")) {
        events.add(Map.entry(event, line.substring(6)));
      }
    }
    return events;
  }

  static String source(String relativePath) throws IOException {
    return Files.readString(CATALOG.resolve(relativePath));
  }
}
