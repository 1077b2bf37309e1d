package dev.gauntlet.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP client pointed at the service under test. HTTP/1.1 only: an {@code h2c} upgrade offer
 * would be one more thing a candidate's server must get right that the challenge did not ask for.
 */
final class Client {
  /** More of a body than any assertion needs; the rest is not read. */
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final ObjectMapper JSON = ProbeJson.mapper();

  private final HttpClient http;
  private final String base;

  Client(int port, Duration connectTimeout) {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response with at most {@link #MAX_BODY_BYTES} of its body. */
  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    // Closing the stream before its end drops the rest of the body and the connection with it.
    try (InputStream body = response.body()) {
      return new Answer(response.statusCode(), response.headers(), body.readNBytes(MAX_BODY_BYTES));
    }
  }

  /** A response, its body cut at {@link #MAX_BODY_BYTES}. */
  record Answer(int status, HttpHeaders headers, byte[] body) {
  }

  HttpRequest build(HttpCall call, Variables variables, Duration timeout) {
    var outgoing = OutgoingRequest.of(call, variables);
    var builder = HttpRequest.newBuilder(URI.create(base + outgoing.target())).timeout(timeout);
    outgoing.headers().forEach(builder::header);
    var body = call.json() == null && call.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(outgoing.body());
    return builder.method(call.method(), body).build();
  }

  static ObjectMapper json() {
    return JSON;
  }
}
