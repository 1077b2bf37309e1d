package dev.gauntlet.runner.docker;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The line GNU time writes to standard error after the program ends: elapsed, user and system
 * CPU seconds, peak resident kilobytes. A random marker per run tells it from the program's own
 * output. The figures are informational: the program runs as GNU time's child and could read the
 * marker from its parent's command line, so no verdict rests on them (limits are enforced outside).
 */
final class ResourceReport {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String marker;

  ResourceReport() {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    marker = "gauntlet-usage-" + HexFormat.of().formatHex(nonce);
  }

  String format() {
    return marker + " %e %U %S %M";
  }

  /**
   * The usage figures, and standard error with the report line taken out. The line is looked for in
   * what was kept of standard error, then in its tail, where it is when the program filled the cap.
   */
  Usage extract(CappedBuffer stderr) {
    byte[] kept = stderr.bytes();
    String text = new String(kept, StandardCharsets.UTF_8);
    int at = text.lastIndexOf(marker);
    if (at >= 0) {
      int end = text.indexOf('\n', at);
      String remaining = text.substring(0, at) + (end < 0 ? "" : text.substring(end + 1));
      return figures(text.substring(at + marker.length(), end < 0 ? text.length() : end),
          remaining.getBytes(StandardCharsets.UTF_8));
    }
    String tail = new String(stderr.tail(), StandardCharsets.UTF_8);
    int inTail = tail.lastIndexOf(marker);
    if (inTail < 0) {
      return new Usage(kept, Optional.empty(), Duration.ZERO, OptionalLong.empty());
    }
    int end = tail.indexOf('\n', inTail);
    return figures(tail.substring(inTail + marker.length(), end < 0 ? tail.length() : end), kept);
  }

  private static Usage figures(String line, byte[] remainingStderr) {
    String[] fields = line.trim().split(" ");
    try {
      double cpuSeconds = Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
      return new Usage(remainingStderr, Optional.of(seconds(Double.parseDouble(fields[0]))), seconds(cpuSeconds),
          OptionalLong.of(Long.parseLong(fields[3])));
    } catch (RuntimeException e) {
      return new Usage(remainingStderr, Optional.empty(), Duration.ZERO, OptionalLong.empty());
    }
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** What the report said; {@code elapsed} is absent when the program left no report (it was killed). */
  record Usage(byte[] remainingStderr, Optional<Duration> elapsed, Duration cpu, OptionalLong peakMemoryKb) {
  }
}
