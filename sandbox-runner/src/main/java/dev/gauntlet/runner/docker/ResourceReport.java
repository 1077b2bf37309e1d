package dev.gauntlet.runner.docker;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The line GNU time writes to standard error after the program ends: elapsed, user and system
 * CPU seconds, peak resident kilobytes. A random marker per run tells it from the program's own
 * output. The figures are informational; no verdict rests on them (limits are enforced outside).
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

  /** The usage figures, and standard error with the report line taken out. */
  Usage extract(byte[] stderr) {
    String text = new String(stderr, StandardCharsets.UTF_8);
    int at = text.lastIndexOf(marker);
    if (at < 0) {
      return new Usage(stderr, Duration.ZERO, OptionalLong.empty());
    }
    int end = text.indexOf('\n', at);
    String line = text.substring(at + marker.length(), end < 0 ? text.length() : end).trim();
    String remaining = text.substring(0, at) + (end < 0 ? "" : text.substring(end + 1));
    String[] fields = line.split(" ");
    try {
      double cpuSeconds = Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
      return new Usage(remaining.getBytes(StandardCharsets.UTF_8),
          Duration.ofMillis(Math.round(cpuSeconds * 1000)), OptionalLong.of(Long.parseLong(fields[3])));
    } catch (RuntimeException e) {
      return new Usage(remaining.getBytes(StandardCharsets.UTF_8), Duration.ZERO, OptionalLong.empty());
    }
  }

  record Usage(byte[] remainingStderr, Duration cpu, OptionalLong peakMemoryKb) {
  }
}
