package dev.gauntlet.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural core of JSON Schema (draft 2020-12) that API responses are checked with:
 * {@code type}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code enum}, {@code const}, {@code minimum}, {@code maximum},
 * {@code minLength}, {@code maxLength}, {@code pattern}, {@code minItems}, {@code maxItems}.
 * A schema using any other keyword is refused when the package is read, so an author never relies
 * on a check that silently does nothing.
 */
public final class JsonSchema {
  private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
      "items", "enum", "const", "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
      "description", "title", "$schema");
  private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean", "null");

  private JsonSchema() {
  }

  /** Refuses a schema that uses a keyword or a type this check does not know. */
  public static void requireSupported(JsonNode schema, String at) {
    if (!schema.isObject()) {
      throw new IllegalArgumentException(at + ": a schema is an object");
    }
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalArgumentException(at + ": keyword '" + keyword + "' is not supported (supported: "
            + KEYWORDS.stream().sorted().toList() + ")");
      }
    }
    JsonNode type = schema.get("type");
    if (type != null) {
      for (JsonNode name : type.isArray() ? type : List.of(type)) {
        if (!TYPES.contains(name.asText())) {
          throw new IllegalArgumentException(at + ": type '" + name.asText() + "' is not one of " + TYPES);
        }
      }
    }
    if (schema.has("properties")) {
      schema.get("properties").properties().forEach(p -> requireSupported(p.getValue(), at + ".properties." + p.getKey()));
    }
    if (schema.has("items")) {
      requireSupported(schema.get("items"), at + ".items");
    }
    if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
      requireSupported(schema.get("additionalProperties"), at + ".additionalProperties");
    }
  }

  /** The first place where {@code value} breaks the schema, if any; {@code at} names the value. */
  public static Optional<String> violation(JsonNode schema, JsonNode value, String at) {
    JsonNode type = schema.get("type");
    if (type != null && !hasType(type, value)) {
      return Optional.of(at + " should be " + (type.isArray() ? "one of " + type : type.asText()) + ", was "
          + JsonValues.shown(value));
    }
    if (schema.has("const") && !JsonValues.sameValue(schema.get("const"), value)) {
      return Optional.of(at + " should be " + schema.get("const") + ", was " + JsonValues.shown(value));
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= JsonValues.sameValue(allowed, value);
      }
      if (!listed) {
        return Optional.of(at + " should be one of " + schema.get("enum") + ", was " + JsonValues.shown(value));
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()
          || schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        return Optional.of(at + " = " + value + " is out of range");
      }
    }
    if (value.isTextual()) {
      int length = value.asText().codePointCount(0, value.asText().length());
      if (schema.has("minLength") && length < schema.get("minLength").asInt()
          || schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
        return Optional.of(at + " has " + length + " characters, out of range");
      }
      if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
        return Optional.of(at + " = " + JsonValues.shown(value) + " does not match /" + schema.get("pattern").asText() + "/");
      }
    }
    if (value.isArray()) {
      return arrayViolation(schema, value, at);
    }
    if (value.isObject()) {
      return objectViolation(schema, value, at);
    }
    return Optional.empty();
  }

  private static Optional<String> arrayViolation(JsonNode schema, JsonNode value, String at) {
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()
        || schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      return Optional.of(at + " has " + value.size() + " items, out of range");
    }
    if (schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        var inner = violation(schema.get("items"), value.get(i), at + "[" + i + "]");
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> objectViolation(JsonNode schema, JsonNode value, String at) {
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        return Optional.of(at + "." + required.asText() + " is required");
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode inner = properties.get(field.getKey());
      if (inner == null && additional != null) {
        if (additional.isBoolean() && !additional.asBoolean()) {
          return Optional.of(at + "." + field.getKey() + " is not allowed");
        }
        inner = additional.isObject() ? additional : null;
      }
      if (inner != null) {
        var broken = violation(inner, field.getValue(), at + "." + field.getKey());
        if (broken.isPresent()) {
          return broken;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasType(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (hasType(one, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "number" -> value.isNumber();
      case "integer" -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }
}
