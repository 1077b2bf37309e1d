package dev.gauntlet.runner.challenge;

/** A concurrency manifest for the tests that need one: 70 points for correctness, 30 for speed. */
public final class ConcurrencyManifests {
  public static final String TIMED = """
      format: gauntlet/1
      id: bank
      title: Bank
      kind: concurrency
      languages: [java]
      suggested_minutes: 30
      limits: { build_seconds: 60, wall_seconds: 6, memory_mb: 512, cpus: 2.0, pids: 128, output_kb: 64 }
      scoring: { correctness: 70, performance: 30 }
      performance: { metric: stress_ms, full_marks_at: 1.5, zero_at: 6, rounds: 2 }
      concurrency: { api: bank.Bank, implementation: ConcurrentBank, workload: bank.tests.BankWorkload }
      """;

  private ConcurrencyManifests() {
  }
}
