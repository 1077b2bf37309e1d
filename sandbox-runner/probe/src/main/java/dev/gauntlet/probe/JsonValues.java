package dev.gauntlet.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Comparing and showing JSON values in failure messages. */
final class JsonValues {
  private static final int SHOWN_CHARS = 200;
  /** Numbers compare by value; everything else as Jackson's node equality. */
  private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonValues() {
  }

  static boolean sameValue(JsonNode expected, JsonNode actual) {
    return expected.equals(NUMERIC, actual);
  }

  static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "…";
  }
}
