package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The figure of a round that a submission is compared on: of a load round, or of one run of a query. */
public enum LatencyMetric {
  P50_MS,
  P90_MS,
  P99_MS,
  MEAN_MS,
  /** sql: the server's planning plus execution time of one run of the query. */
  QUERY_MS,
  /** concurrency: the wall time of one timed stress run, from the threads' release to the last one's end. */
  STRESS_MS;

  @JsonValue
  public String manifestName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
