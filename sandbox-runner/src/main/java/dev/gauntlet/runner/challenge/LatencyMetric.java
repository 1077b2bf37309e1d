package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The figure of a load round that a candidate's service is compared on. */
public enum LatencyMetric {
  P50_MS,
  P90_MS,
  P99_MS,
  MEAN_MS;

  @JsonValue
  public String manifestName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
