package dev.gauntlet.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values captured by earlier steps, and their {@code ${name}} placeholders in later requests. */
final class Variables {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private final Map<String, String> values = new HashMap<>();

  void put(String name, String value) {
    values.put(name, value);
  }

  /** The text with every placeholder replaced; an unknown name is an error of the step. */
  String expand(String text) {
    if (text == null || !text.contains("${")) {
      return text;
    }
    Matcher placeholder = PLACEHOLDER.matcher(text);
    var expanded = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new StepFailure("${" + placeholder.group(1) + "} was not captured by an earlier step");
      }
      placeholder.appendReplacement(expanded, Matcher.quoteReplacement(value));
    }
    return placeholder.appendTail(expanded).toString();
  }

  /** A copy of the JSON with placeholders replaced in every string and every object key. */
  JsonNode expand(JsonNode json) {
    if (json.isTextual()) {
      return TextNode.valueOf(expand(json.asText()));
    }
    if (json.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      json.forEach(item -> copy.add(expand(item)));
      return copy;
    }
    if (json.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      json.properties().forEach(field -> copy.set(expand(field.getKey()), expand(field.getValue())));
      return copy;
    }
    return json;
  }
}
