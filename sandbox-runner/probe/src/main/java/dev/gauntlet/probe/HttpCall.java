package dev.gauntlet.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request of a scenario or of the load mix. {@code ${name}} in the path, a header value, the
 * body or a string of the JSON body is replaced by a value captured earlier.
 *
 * @param method  GET when absent
 * @param path    starts with '/' (or with a captured value that does), query string included
 * @param headers sent as they are; {@code Content-Type: application/json} is added for a JSON body
 * @param json    a JSON body
 * @param body    a text body, for requests whose body is not JSON (or is deliberately broken JSON)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpCall(String method, String path, Map<String, String> headers, JsonNode json, String body) {
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  /** What the clients set themselves. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
      "transfer-encoding", "upgrade");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

  public HttpCall {
    method = method == null ? "GET" : method;
    if (!METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("method must be an upper-case HTTP method, was " + method);
    }
    if (path == null || !path.startsWith("/") && !path.startsWith("${")) {
      throw new IllegalArgumentException("path must start with '/' or a captured ${value}, was " + path);
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    for (String name : headers.keySet()) {
      if (!TOKEN.matcher(name).matches()) {
        throw new IllegalArgumentException("headers: " + name + " is not a valid header name");
      }
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("headers: " + name + " is set by the client itself and cannot be chosen");
      }
    }
    if (json != null && body != null) {
      throw new IllegalArgumentException("a request has either json or body, not both");
    }
  }

  /** Where the call says what it is, in a failure message. */
  public String describe() {
    return method + " " + path;
  }
}
