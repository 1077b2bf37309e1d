package dev.gauntlet.runner.judge.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into statements following PostgreSQL's scanner where it matters for that: a
 * {@code ;} ends a statement only outside string literals ({@code '…'}, {@code E'…'} with its
 * backslash escapes), quoted identifiers, dollar-quoted bodies and comments ({@code --} to the end
 * of the line, {@code /* *}{@code /} nested); names go on through {@code $} and any non-ASCII
 * character. This gives the candidate a clear message for anything but one query and index
 * statements. It is not the last word: the SQL probe sends each statement as one prepared
 * statement, which the server refuses to run when it holds more than one command, and the role
 * that runs it decides what it may touch.
 */
final class SqlStatements {
  private SqlStatements() {
  }

  /**
   * One statement.
   *
   * @param text    as written, without its {@code ;} and the space around it
   * @param line    the line it starts on, from 1
   * @param keyword its first word, upper-cased; {@code (} for a parenthesised query
   */
  record Statement(String text, int line, String keyword) {
    /**
     * The leading words, upper-cased, up to {@code count}: comments between them are skipped, and
     * anything but a word ends them. "CREATE UNIQUE INDEX", "DROP TABLE".
     */
    List<String> words(int count) {
      var words = new ArrayList<String>();
      int i = 0;
      while (i < text.length() && words.size() < count) {
        char c = text.charAt(i);
        if (isSpace(c) || text.startsWith("--", i) || text.startsWith("/*", i)) {
          i = isSpace(c) ? i + 1 : skip(text, i);
        } else if (continuesName(c) && !(c >= '0' && c <= '9') && c != '$') {
          int end = i;
          while (end < text.length() && continuesName(text.charAt(end))) {
            end++;
          }
          words.add(text.substring(i, end).toUpperCase(Locale.ROOT));
          i = end;
        } else {
          break;
        }
      }
      return words;
    }
  }

  /** The statements of the text; empty statements (a stray {@code ;}, only comments) are left out. */
  static List<Statement> split(String sql) {
    var statements = new ArrayList<Statement>();
    int start = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == ';') {
        add(statements, sql, start, i);
        start = i + 1;
        i++;
      } else {
        i = skip(sql, i);
      }
    }
    add(statements, sql, start, sql.length());
    return statements;
  }

  /** The index after the token that starts at {@code i}: a literal, a comment, or one character. */
  private static int skip(String sql, int i) {
    char c = sql.charAt(i);
    char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
    if (c == '-' && next == '-') {
      int end = i + 2;
      while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
        end++;
      }
      return Math.min(end + 1, sql.length());
    }
    if (c == '/' && next == '*') {
      return blockCommentEnd(sql, i);
    }
    if (c == '\'') {
      boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
          && (i < 2 || !continuesName(sql.charAt(i - 2)));
      return quotedEnd(sql, i, '\'', escapes);
    }
    if (c == '"') {
      return quotedEnd(sql, i, '"', false);
    }
    if (c == '$') {
      String tag = dollarTag(sql, i);
      if (tag != null) {
        int end = sql.indexOf(tag, i + tag.length());
        return end < 0 ? sql.length() : end + tag.length();
      }
    }
    return i + 1;
  }

  private static int blockCommentEnd(String sql, int i) {
    int depth = 0;
    int j = i;
    while (j < sql.length()) {
      if (sql.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (sql.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return sql.length();
  }

  private static int quotedEnd(String sql, int i, char quote, boolean backslashEscapes) {
    int j = i + 1;
    while (j < sql.length()) {
      char c = sql.charAt(j);
      if (backslashEscapes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return sql.length();
  }

  /** {@code $$} or {@code $tag$} starting at {@code i}, or null when the {@code $} is something else ($1, a name). */
  private static String dollarTag(String sql, int i) {
    if (i > 0 && continuesName(sql.charAt(i - 1))) {
      return null;
    }
    int j = i + 1;
    while (j < sql.length() && sql.charAt(j) != '$' && continuesName(sql.charAt(j))) {
      j++;
    }
    if (j >= sql.length() || sql.charAt(j) != '$' || (j > i + 1 && Character.isDigit(sql.charAt(i + 1)))) {
      return null;
    }
    return sql.substring(i, j + 1);
  }

  /** PostgreSQL's white space; other characters, even ones Java calls white space, are part of a token. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }

  /** What PostgreSQL lets a name go on with: ASCII letters, digits, {@code _}, {@code $}, and anything beyond ASCII. */
  private static boolean continuesName(char c) {
    return c >= 0x80 || c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Adds the statement between two semicolons, from its first word on: comments before it are no part of it. */
  private static void add(List<Statement> statements, String sql, int start, int end) {
    int first = start;
    while (first < end) {
      if (isSpace(sql.charAt(first))) {
        first++;
      } else if (sql.startsWith("--", first) || sql.startsWith("/*", first)) {
        first = skip(sql, first);
      } else {
        break;
      }
    }
    if (first >= end) {
      return;
    }
    String text = sql.substring(first, end).strip();
    int line = 1 + (int) sql.substring(0, first).chars().filter(ch -> ch == '\n').count();
    var words = new Statement(text, line, "").words(1);
    String keyword = text.charAt(0) == '(' ? "(" : words.isEmpty() ? "" : words.getFirst();
    statements.add(new Statement(text, line, keyword));
  }
}
