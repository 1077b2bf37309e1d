package dev.gauntlet.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of JSONPath (RFC 9535) that picks one value: {@code $}, {@code .name},
 * {@code ['name']}, {@code [index]} (negative counts from the end), and a final {@code .length()}
 * for the size of an array, object or string. Filters and wildcards select many values and have no
 * place in an assertion about one.
 */
public final class JsonPath {
  private final String text;
  private final List<Object> segments;
  private final boolean length;

  private JsonPath(String text, List<Object> segments, boolean length) {
    this.text = text;
    this.segments = segments;
    this.length = length;
  }

  /** Parses a path, or says what is wrong with it. */
  public static JsonPath parse(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("a JSONPath starts with '$', was " + text);
    }
    String rest = text.substring(1);
    boolean length = rest.endsWith(".length()");
    if (length) {
      rest = rest.substring(0, rest.length() - ".length()".length());
    }
    var segments = new ArrayList<>();
    int i = 0;
    while (i < rest.length()) {
      char c = rest.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException(text + ": empty name after '.'");
        }
        segments.add(rest.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int end = rest.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException(text + ": '[' without ']'");
        }
        String inside = rest.substring(i + 1, end).strip();
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
            || inside.startsWith("\"") && inside.endsWith("\""))) {
          segments.add(inside.substring(1, inside.length() - 1));
        } else {
          try {
            segments.add(Integer.parseInt(inside));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + ": [" + inside + "] is neither an index nor a quoted name"
                + " (filters and wildcards are not supported)");
          }
        }
        i = end + 1;
      } else {
        throw new IllegalArgumentException(text + ": unexpected '" + c + "' at " + (i + 1));
      }
    }
    return new JsonPath(text, List.copyOf(segments), length);
  }

  /** The value at this path, or empty when the document has none there. */
  public Optional<JsonNode> find(JsonNode document) {
    JsonNode node = document;
    for (Object segment : segments) {
      if (node == null) {
        return Optional.empty();
      }
      if (segment instanceof Integer index) {
        node = node.isArray() ? node.get(index < 0 ? node.size() + index : index) : null;
      } else {
        node = node.isObject() ? node.get((String) segment) : null;
      }
    }
    if (node == null) {
      return Optional.empty();
    }
    if (length) {
      if (node.isTextual()) {
        return Optional.of(IntNode.valueOf(node.asText().codePointCount(0, node.asText().length())));
      }
      return node.isContainerNode() ? Optional.of(IntNode.valueOf(node.size())) : Optional.empty();
    }
    return Optional.of(node);
  }

  @Override
  public String toString() {
    return text;
  }
}
