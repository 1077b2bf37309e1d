package dev.gauntlet.harness.protocol;

/** Values in a report line: escaped so that what a candidate's class returns cannot add a line or a field. */
public final class Text {
  private Text() {
  }

  public static String cap(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars) + "…";
  }

  static String escape(String text) {
    var out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    var out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == text.length()) {
        throw new IllegalArgumentException("a value ends in the middle of an escape");
      }
      out.append(switch (text.charAt(i)) {
        case '\\' -> '\\';
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        default -> throw new IllegalArgumentException("not an escape: \\" + text.charAt(i));
      });
    }
    return out.toString();
  }
}
