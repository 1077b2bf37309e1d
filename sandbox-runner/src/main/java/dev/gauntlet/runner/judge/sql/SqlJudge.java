package dev.gauntlet.runner.judge.sql;

import dev.gauntlet.probe.sql.SqlPlan;
import dev.gauntlet.probe.sql.SqlReport;
import dev.gauntlet.probe.sql.SqlReport.Outcome;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.Dataset;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.judge.LatencyScore;
import dev.gauntlet.runner.judge.Logs;
import dev.gauntlet.runner.judge.ProbeSandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.ReferenceFailure;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.judge.TimedJudge;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code sql} judge. The submission's statements are checked first (one query, index statements
 * and nothing else); then a PostgreSQL server is seeded with every dataset of the package, copied
 * once for each side. Each side's indexes go into its copies, as the tables' owner; then both
 * queries run on every dataset, each in its own copy, as a role that can only read, and the
 * results must match. When they do and the package
 * scores speed, the two queries are timed on the timed dataset in alternating rounds.
 */
public final class SqlJudge implements TimedJudge {
  /** The statement or the transaction timeout: the query ran too long. */
  private static final Set<String> TIMED_OUT = Set.of("57014", "25P04");
  private static final String OUT_OF_MEMORY = "53200";
  /** The connection broke under the query: its backend was killed, which the server does not do by itself. */
  private static final Set<String> BACKEND_KILLED = Set.of("08006", "57P02", "08003");
  /** How long the server may take to accept connections once its datasets are seeded. */
  private static final Duration START_LIMIT = Duration.ofSeconds(20);
  /** JVM start-up and connections, beyond the statements' own timeouts. */
  private static final Duration PROBE_MARGIN = Duration.ofSeconds(30);

  private final Sandbox sandbox;
  private final ProbeSandbox probes;

  public SqlJudge(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.probes = new ProbeSandbox(sandbox);
  }

  /** The reference is checked with {@code timed} false: it must pass, and is not timed against itself. */
  @Override
  public JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress, boolean timed) {
    int maxScore = pkg.manifest().scoring().total();
    SqlSubmission candidate;
    try {
      candidate = SqlSubmission.parse(submission.files());
    } catch (SqlSubmission.Rejected e) {
      return new JudgeResult(Verdict.BUILD_ERROR, 0, maxScore, e.getMessage(), List.of());
    }
    try {
      SqlSubmission reference;
      try {
        reference = SqlSubmission.parse(pkg.references().get(Language.SQL));
      } catch (SqlSubmission.Rejected e) {
        throw new ReferenceFailure("the package's reference is refused: " + e.getMessage());
      }
      try (var server = SqlServer.start(sandbox, pkg)) {
        if (!server.awaitLine(SqlServer.SEEDED, SqlServer.SEED_LIMIT)) {
          // Nothing of the submission has run yet: however the server ended, the package's data did it.
          throw new ReferenceFailure((server.isRunning() ? "the datasets were not seeded within "
              + SqlServer.SEED_LIMIT.toMinutes() + " minutes: make them smaller" : "seeding the datasets failed")
              + serverLog(server.stop()));
        }
        return judgeOn(server, pkg, candidate, reference, timed && pkg.manifest().scoring().performance() > 0,
            progress);
      }
    } catch (ReferenceFailure e) {
      return JudgeResult.judgeError(e.getMessage(), maxScore);
    }
  }

  private JudgeResult judgeOn(RunningSandbox server, ChallengePackage pkg, SqlSubmission candidate,
                              SqlSubmission reference, boolean measured, Progress progress) {
    Manifest manifest = pkg.manifest();
    int maxScore = manifest.scoring().total();
    var datasets = pkg.database().datasets();
    var steps = new SqlSteps(manifest);
    datasets.forEach(d -> steps.indexes(SqlServer.referenceCopy(d.name()), reference.indexes()));
    datasets.forEach(d -> steps.indexes(SqlServer.candidateCopy(d.name()), candidate.indexes()));
    for (Dataset dataset : datasets) {
      steps.query(SqlServer.referenceCopy(dataset.name()), reference.query());
      steps.query(SqlServer.candidateCopy(dataset.name()), candidate.query());
    }
    var report = probe(server, steps);
    if (report == null) {
      return serverEnded(server, maxScore);
    }
    var outcomes = report.outcomes();
    int next = 0;
    if (!reference.indexes().isEmpty()) {
      for (Dataset dataset : datasets) {
        Outcome indexes = outcomes.get(next++);
        if (indexes.failed()) {
          throw new ReferenceFailure("the reference's indexes.sql fails on dataset " + dataset.name() + ": "
              + indexes.error());
        }
      }
    }
    if (!candidate.indexes().isEmpty()) {
      for (Dataset dataset : datasets) {
        Outcome indexes = outcomes.get(next++);
        if (indexes.failed()) {
          return new JudgeResult(Verdict.BUILD_ERROR, 0, maxScore, indexFailure(manifest, dataset, indexes), List.of());
        }
      }
    }
    var comparison = new ResultComparison(manifest.query().ordered(), manifest.compare());
    var results = new ArrayList<TestResult>();
    Outcome timedExpected = null;
    boolean candidateErred = false;
    for (Dataset dataset : datasets) {
      Outcome expected = outcomes.get(next++);
      Outcome actual = outcomes.get(next++);
      if (expected.failed() || expected.truncated()) {
        if (candidateErred) {
          // The candidate's query failed first and may have taken the server down with it: it decides.
          break;
        }
        throw new ReferenceFailure("the reference's query fails on dataset " + dataset.name() + ": "
            + (expected.failed() ? expected.error() : "its result is longer than output_kb or " + SqlSteps.MAX_ROWS
            + " rows"));
      }
      candidateErred |= actual.failed();
      timedExpected = dataset.name().equals(manifest.query().timedOn()) ? expected : timedExpected;
      var result = result(manifest, dataset, expected, actual, comparison);
      results.add(result);
      progress.testJudged(result, results.size(), datasets.size());
    }
    if (!server.isRunning()) {
      return serverEnded(server, maxScore);
    }
    int correctness = correctness(manifest, datasets, results);
    var failed = results.stream().filter(r -> r.verdict() != Verdict.ACCEPTED).findFirst();
    if (failed.isPresent()) {
      return new JudgeResult(failed.get().verdict(), correctness, maxScore, null, results);
    }
    if (!measured) {
      return new JudgeResult(Verdict.ACCEPTED, correctness, maxScore, null, results);
    }
    boolean timedHidden = datasets.stream().anyMatch(d -> d.name().equals(manifest.query().timedOn())
        && d.visibility() == Visibility.HIDDEN);
    var rounds = new QueryRounds(manifest, timedExpected.rows().size(), timedHidden);
    PerformanceReport performance = time(server, manifest, candidate, reference, rounds, timedExpected, comparison);
    if (performance == null) {
      return serverEnded(server, maxScore);
    }
    if (rounds.changed() != null) {
      return new JudgeResult(Verdict.WRONG_ANSWER, correctness, maxScore, "the query's result changed between runs: "
          + rounds.changed(), results);
    }
    int score = correctness + performance.points();
    if (LatencyScore.missesTarget(manifest.performance(), performance)) {
      return new JudgeResult(Verdict.TOO_SLOW, score, maxScore,
          LatencyScore.slowness(manifest.performance(), performance), results, performance);
    }
    return new JudgeResult(Verdict.ACCEPTED, score, maxScore, null, results, performance);
  }

  /**
   * Times both queries in alternating rounds after one warm-up run each, checks the candidate's
   * rows once more at a round no one can foresee, then keeps each one's plan. Each run is the
   * server's planning plus execution time, from {@code EXPLAIN ANALYZE} without per-node timing,
   * so neither the probe's connection nor the transfer of rows counts. Null when the server ended.
   */
  private PerformanceReport time(RunningSandbox server, Manifest manifest, SqlSubmission candidate,
                                 SqlSubmission reference, QueryRounds rounds, Outcome expected,
                                 ResultComparison comparison) {
    String candidateDb = SqlServer.candidateCopy(manifest.query().timedOn());
    String referenceDb = SqlServer.referenceCopy(manifest.query().timedOn());
    int count = manifest.performance().rounds();
    int recheckAfter = ThreadLocalRandom.current().nextInt(count);
    var steps = new SqlSteps(manifest);
    steps.explain(candidateDb, QueryRounds.timed(candidate.query()));
    steps.explain(referenceDb, QueryRounds.timed(reference.query()));
    for (int round = 0; round < count; round++) {
      boolean candidateFirst = round % 2 == 0;
      steps.explain(candidateFirst ? candidateDb : referenceDb,
          QueryRounds.timed((candidateFirst ? candidate : reference).query()));
      steps.explain(candidateFirst ? referenceDb : candidateDb,
          QueryRounds.timed((candidateFirst ? reference : candidate).query()));
      if (round == recheckAfter) {
        steps.query(candidateDb, candidate.query());
      }
    }
    steps.explain(candidateDb, QueryRounds.explained(candidate.query()));
    steps.explain(referenceDb, QueryRounds.explained(reference.query()));
    var report = probe(server, steps);
    if (report == null) {
      return null;
    }
    var outcomes = report.outcomes();
    int next = 2;
    for (int round = 0; round < count; round++) {
      Outcome first = outcomes.get(next++);
      Outcome second = outcomes.get(next++);
      boolean candidateFirst = round % 2 == 0;
      rounds.add(candidateFirst ? first : second, candidateFirst ? second : first);
      if (round == recheckAfter) {
        Outcome recheck = outcomes.get(next++);
        rounds.rechecked(recheck, recheck.failed() || recheck.truncated() ? null
            : comparison.difference(expected, recheck).orElse(null));
      }
    }
    return rounds.score(rounds.planText(outcomes.get(next)), rounds.planText(outcomes.get(next + 1)));
  }

  /** Runs the steps beside the seeded server; null when the server ended before or while they ran. */
  private SqlReport probe(RunningSandbox server, SqlSteps steps) {
    var plan = new SqlPlan(SqlServer.PORT, (int) START_LIMIT.toMillis(), steps.steps());
    Duration wall = START_LIMIT.plus(PROBE_MARGIN).plus(steps.totalBudget());
    var report = probes.run(server, ProbeSandbox.Program.SQL, plan, wall, SqlReport.class).orElse(null);
    if (report == null || !server.isRunning()) {
      return null;
    }
    if (!report.ready()) {
      throw new ReferenceFailure("the database was seeded but did not accept connections within "
          + START_LIMIT.toSeconds() + " s" + serverLog(server.stop()));
    }
    return report;
  }

  private static TestResult result(Manifest manifest, Dataset dataset, Outcome expected, Outcome actual,
                                   ResultComparison comparison) {
    long ms = actual.micros() / 1000;
    Verdict verdict;
    String detail;
    if (actual.failed()) {
      verdict = TIMED_OUT.contains(actual.sqlState()) ? Verdict.TIME_LIMIT
          : OUT_OF_MEMORY.equals(actual.sqlState()) ? Verdict.MEMORY_LIMIT
          : Verdict.RUNTIME_ERROR;
      detail = verdict == Verdict.TIME_LIMIT
          ? "the query ran past the statement timeout of " + manifest.limits().wallSeconds() + " s"
          : BACKEND_KILLED.contains(actual.sqlState())
          ? "the server process running the query was killed (SQLSTATE " + actual.sqlState() + "): most likely it"
            + " ran out of memory"
          : "SQLSTATE " + actual.sqlState() + ": " + actual.error();
    } else if (actual.truncated()) {
      verdict = Verdict.OUTPUT_LIMIT;
      detail = "the result is longer than " + SqlSteps.MAX_ROWS + " rows or " + manifest.limits().outputKb() + " KiB";
    } else {
      detail = comparison.difference(expected, actual).orElse(null);
      verdict = detail == null ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER;
    }
    return new TestResult(dataset.name(), dataset.visibility(), verdict, ms, 0, 0, detail);
  }

  /**
   * Correctness points shared among hidden datasets; one the judging did not reach earns none, and
   * a run on the public datasets alone earns none.
   */
  private static int correctness(Manifest manifest, List<Dataset> datasets, List<TestResult> results) {
    long hidden = datasets.stream().filter(d -> d.visibility() == Visibility.HIDDEN).count();
    long passed = results.stream().filter(r -> r.visibility() == Visibility.HIDDEN && r.verdict() == Verdict.ACCEPTED)
        .count();
    return hidden == 0 ? 0 : (int) (manifest.scoring().correctness() * passed / hidden);
  }

  /** Index statements that fail on hidden data say so without the server's words, which may quote that data. */
  private static String indexFailure(Manifest manifest, Dataset dataset, Outcome outcome) {
    if (TIMED_OUT.contains(outcome.sqlState())) {
      return SqlSubmission.INDEXES_FILE + " ran past " + manifest.limits().buildSeconds() + " s (build_seconds) on"
          + " dataset " + dataset.name();
    }
    if (dataset.visibility() == Visibility.HIDDEN) {
      return SqlSubmission.INDEXES_FILE + " fails on a hidden dataset (SQLSTATE " + outcome.sqlState() + ")";
    }
    return SqlSubmission.INDEXES_FILE + " fails: " + outcome.error();
  }

  /** The server ended after it was seeded, while the submission's statements ran. */
  private static JudgeResult serverEnded(RunningSandbox server, int maxScore) {
    SandboxResult ended = server.stop();
    if (ended.oomKilled()) {
      return new JudgeResult(Verdict.MEMORY_LIMIT, 0, maxScore, "the database ran out of memory and was killed",
          List.of());
    }
    throw new ReferenceFailure("the database server ended with status " + ended.exitCode() + serverLog(ended));
  }

  private static String serverLog(SandboxResult ended) {
    String log = new String(ended.stderr(), StandardCharsets.UTF_8).strip();
    return log.isEmpty() ? "" : "\n" + Logs.shorten(log);
  }
}
