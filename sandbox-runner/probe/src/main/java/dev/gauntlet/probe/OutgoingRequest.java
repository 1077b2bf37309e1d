package dev.gauntlet.probe;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request with its captured values filled in, checked once for both clients: the scenarios' and
 * the load's. Captured values come from the service under test, so a value that would split the
 * request (a line break in a header) is refused here rather than sent.
 *
 * @param target  the path and query, as sent on the request line
 * @param headers the package's, {@code Content-Type} added for a JSON body
 */
record OutgoingRequest(String method, String target, Map<String, String> headers, byte[] body) {

  static OutgoingRequest of(HttpCall call, Variables variables) {
    String path = variables.expand(call.path());
    if (!path.startsWith("/")) {
      throw new StepFailure("the path " + path + " does not start with '/'");
    }
    URI uri;
    try {
      uri = URI.create("http://service" + path);
    } catch (IllegalArgumentException e) {
      throw new StepFailure("the path " + path + " is not a valid URI path");
    }
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    var headers = new LinkedHashMap<String, String>();
    call.headers().forEach((name, value) -> headers.put(name, fieldValue(name, variables.expand(value))));
    byte[] body = new byte[0];
    if (call.json() != null) {
      body = variables.expand(call.json()).toString().getBytes(StandardCharsets.UTF_8);
      if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
        headers.put("Content-Type", "application/json");
      }
    } else if (call.body() != null) {
      body = variables.expand(call.body()).getBytes(StandardCharsets.UTF_8);
    }
    return new OutgoingRequest(call.method(), target, headers, body);
  }

  /** The request as HTTP/1.1 bytes, sent as they are on every repeat of the load. */
  byte[] http11(String host) {
    var head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
        .append(host).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    var bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(body);
    return bytes.toByteArray();
  }

  private static String fieldValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new StepFailure("the value of header " + name + " would contain a line break or NUL");
      }
    }
    return value;
  }
}
