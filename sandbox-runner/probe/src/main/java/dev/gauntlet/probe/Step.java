package dev.gauntlet.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One request of a scenario, what its response must be, and what to keep of it for later steps.
 *
 * @param name    shown when the step fails; the request line when absent
 * @param request the request to send
 * @param expect  what the response must be; any response passes when absent
 * @param capture by variable name, where its value comes from: a JSONPath into the body
 *                ({@code $.id}) or a header ({@code header:ETag})
 * @param waitMs  how long to wait before sending, for what happens with time (an expiry); 0 when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(String name, HttpCall request, Expectation expect, Map<String, String> capture, Integer waitMs) {
  static final String HEADER_PREFIX = "header:";
  static final int MAX_WAIT_MS = 10_000;

  public Step {
    waitMs = waitMs == null ? 0 : waitMs;
    if (waitMs < 0 || waitMs > MAX_WAIT_MS) {
      throw new IllegalArgumentException("wait_ms must be between 0 and " + MAX_WAIT_MS + ", was " + waitMs);
    }
    if (request == null) {
      throw new IllegalArgumentException("request is required");
    }
    capture = capture == null ? Map.of() : Map.copyOf(capture);
    capture.forEach((variable, source) -> {
      if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("capture: '" + variable + "' is not a variable name");
      }
      if (!source.startsWith(HEADER_PREFIX)) {
        JsonPath.parse(source);
      }
    });
  }

  public String title() {
    return name != null ? name : request.describe();
  }
}
