package dev.gauntlet.runner.judge.sql;

import dev.gauntlet.probe.sql.SqlStep;
import dev.gauntlet.runner.challenge.Manifest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The statements of one SQL probe run, each step with the role, timeout and caps its kind gets. */
final class SqlSteps {
  /** Rows of a result kept for comparison; a longer result is {@code OUTPUT_LIMIT}. */
  static final int MAX_ROWS = 100_000;
  /** A plan as the timed runs report it; a query whose plan is longer gets no timing. */
  static final int PLAN_BYTES = 256 << 10;

  private final Manifest manifest;
  private final List<SqlStep> steps = new ArrayList<>();
  private long budgetMs;

  SqlSteps(Manifest manifest) {
    this.manifest = manifest;
  }

  /**
   * Index statements, as the tables' owner, all in one transaction that {@code build_seconds}
   * bounds; nothing after them runs when they fail. None: no step.
   */
  void indexes(String database, List<String> statements) {
    if (!statements.isEmpty()) {
      add(new SqlStep(database, SqlServer.OWNER, statements, false, manifest.limits().buildSeconds() * 1000, 0, 0,
          true));
    }
  }

  /** A query, as the read-only role, its rows kept up to the package's caps. */
  void query(String database, String query) {
    add(new SqlStep(database, SqlServer.SOLVER, List.of(query), true, queryTimeoutMs(), MAX_ROWS,
        manifest.limits().outputKb() * 1024, false));
  }

  /** An {@code EXPLAIN} of a query, as the read-only role, its plan kept up to {@link #PLAN_BYTES}. */
  void explain(String database, String explain) {
    add(new SqlStep(database, SqlServer.SOLVER, List.of(explain), true, queryTimeoutMs(), MAX_ROWS, PLAN_BYTES,
        false));
  }

  private int queryTimeoutMs() {
    return (int) Math.round(manifest.limits().wallSeconds() * 1000);
  }

  private void add(SqlStep step) {
    steps.add(step);
    budgetMs += step.timeoutMs() + SqlStep.CLIENT_GRACE_MS;
  }

  List<SqlStep> steps() {
    return steps;
  }

  /** The longest the steps may take together. */
  Duration totalBudget() {
    return Duration.ofMillis(budgetMs);
  }
}
