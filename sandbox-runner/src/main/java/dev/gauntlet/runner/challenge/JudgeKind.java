package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a package's submissions are judged. */
public enum JudgeKind {
  /** One process per test case, standard input to standard output. */
  STDIO,
  /** The candidate's service, probed over HTTP by scenarios, then loaded beside the reference. */
  HTTP_SERVICE,
  /** A query (with index statements) run against seeded PostgreSQL databases beside the reference. */
  SQL,
  /** A Java class driven from many threads: linearizability trials and stress runs beside the reference. */
  CONCURRENCY;

  @JsonValue
  public String manifestName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
