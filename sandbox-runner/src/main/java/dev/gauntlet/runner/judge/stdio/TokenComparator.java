package dev.gauntlet.runner.judge.stdio;

import dev.gauntlet.runner.challenge.Tolerance;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares output with the expected answer token by token, as Kattis' default validator does:
 * whitespace between tokens does not matter; numbers match within the package's tolerance.
 */
public final class TokenComparator {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int SHOWN_CHARS = 40;

  private final Tolerance tolerance;

  public TokenComparator(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  /** Empty when the output is right; otherwise where and how it differs first. */
  public Optional<String> difference(byte[] expected, byte[] actual) {
    String[] want = tokens(expected);
    String[] got = tokens(actual);
    for (int i = 0; i < Math.min(want.length, got.length); i++) {
      if (!tolerance.accepts(want[i], got[i])) {
        return Optional.of("token " + (i + 1) + ": expected '" + shorten(want[i]) + "' but got '" + shorten(got[i]) + "'");
      }
    }
    if (want.length != got.length) {
      return Optional.of("expected " + want.length + " tokens but got " + got.length);
    }
    return Optional.empty();
  }

  private static String[] tokens(byte[] text) {
    String trimmed = new String(text, StandardCharsets.UTF_8).strip();
    return trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed);
  }

  private static String shorten(String token) {
    return token.length() <= SHOWN_CHARS ? token : token.substring(0, SHOWN_CHARS) + "…";
  }
}
