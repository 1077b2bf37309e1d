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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(String name, HttpCall request, Expectation expect, Map<String, String> capture) {
  static final String HEADER_PREFIX = "header:";

  public Step {
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
