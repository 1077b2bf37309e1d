package dev.gauntlet.runner.judge;

import java.nio.charset.StandardCharsets;

/** What of a program's own output a verdict quotes. */
public final class Logs {
  private static final int SHOWN_CHARS = 4_000;

  private Logs() {
  }

  public static String shorten(String log) {
    return log.length() <= SHOWN_CHARS ? log : log.substring(0, SHOWN_CHARS) + "\n…";
  }

  /** The end of standard error on a line of its own, or nothing when it was empty. */
  public static String stderrTail(byte[] stderr) {
    String text = new String(stderr, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "" : "\n" + shorten(text);
  }
}
