package dev.gauntlet.runner.challenge;

/** A sql manifest for the tests that need one: 70 points for rows, 30 for speed, timed on {@code large}. */
public final class SqlManifests {
  public static final String TIMED = """
      format: gauntlet/1
      id: report
      title: Report
      kind: sql
      languages: [sql]
      suggested_minutes: 30
      limits: { build_seconds: 60, wall_seconds: 5, memory_mb: 1024, cpus: 1.0, pids: 64, output_kb: 256 }
      scoring: { correctness: 70, performance: 30 }
      performance: { metric: query_ms, full_marks_at: 2, zero_at: 20, rounds: 7 }
      query: { ordered: true, timed_on: large }
      """;

  private SqlManifests() {
  }
}
