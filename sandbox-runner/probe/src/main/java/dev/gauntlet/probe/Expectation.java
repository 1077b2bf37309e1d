package dev.gauntlet.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a response must be. Every part given is checked; the first that fails fails the step.
 *
 * @param status   the status code
 * @param headers  by header name (any case), a matcher for the first value of that header
 * @param json     the whole body, as exact JSON; its strings may use captured {@code ${name}} values
 * @param jsonpath by JSONPath, a matcher for the value there
 * @param schema   a JSON Schema the body must satisfy (see {@link JsonSchema} for the keywords)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expectation(Integer status, Map<String, Matcher> headers, JsonNode json, Map<String, Matcher> jsonpath,
                          JsonNode schema) {
  public Expectation {
    if (status != null && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    jsonpath = jsonpath == null ? Map.of() : Map.copyOf(jsonpath);
    jsonpath.keySet().forEach(JsonPath::parse);
    if (schema != null) {
      JsonSchema.requireSupported(schema, "schema");
    }
  }

  /** Whether the body has to be parsed as JSON to check this. */
  boolean needsJson() {
    return json != null || !jsonpath.isEmpty() || schema != null;
  }
}
