package dev.gauntlet.runner.judge.sql;

import dev.gauntlet.probe.sql.SqlPlan;
import dev.gauntlet.probe.sql.SqlReport;
import dev.gauntlet.probe.sql.SqlReport.Outcome;
import dev.gauntlet.probe.sql.SqlStep;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.Dataset;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.judge.Judge;
import dev.gauntlet.runner.judge.LatencyScore;
import dev.gauntlet.runner.judge.Logs;
import dev.gauntlet.runner.judge.ProbeSandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.ReferenceFailure;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sql} judge. The submission's statements are checked first (one query, index statements
 * and nothing else); then a PostgreSQL server is seeded with every dataset of the package, the
 * submission's indexes are created as the tables' owner, and its query and the reference's run on
 * every dataset as a role that can only read. Results must match the reference's. When they do and
 * the package scores speed, the two queries are timed on the timed dataset in alternating rounds,
 * each in a database with its own indexes alone.
 */
public final class SqlJudge implements Judge {
  private static final String PROBE_MAIN = "dev.gauntlet.probe.sql.SqlProbeMain";
  /** Rows of a result kept for comparison; a longer result is {@code OUTPUT_LIMIT}. */
  static final int MAX_ROWS = 100_000;
  /** JVM start-up and connections, beyond the statements' own timeouts. */
  private static final Duration PROBE_MARGIN = Duration.ofSeconds(30);
  private static final int CLIENT_GRACE_MS = 5_000;
  private static final String QUERY_CANCELED = "57014";
  private static final String OUT_OF_MEMORY = "53200";
  /** How long the server may take to accept connections once its datasets are seeded. */
  private static final Duration START_LIMIT = Duration.ofSeconds(20);

  private final Sandbox sandbox;
  private final ProbeSandbox probes;

  public SqlJudge(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.probes = new ProbeSandbox(sandbox);
  }

  @Override
  public JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress) {
    return judge(pkg, submission, progress, true);
  }

  /** The reference must create its indexes and answer on every dataset within the limits; it is not timed against itself. */
  @Override
  public JudgeResult judgeReference(ChallengePackage pkg, Language language) {
    return judge(pkg, new Submission(language, pkg.references().get(language)), Progress.NONE, false);
  }

  private JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress, boolean timed) {
    Manifest manifest = pkg.manifest();
    int maxScore = manifest.scoring().total();
    SqlSubmission candidate;
    try {
      candidate = SqlSubmission.parse(submission.files());
    } catch (SqlSubmission.Rejected e) {
      return new JudgeResult(Verdict.BUILD_ERROR, 0, maxScore, e.getMessage(), List.of());
    }
    SqlSubmission reference;
    try {
      reference = SqlSubmission.parse(pkg.references().get(Language.SQL));
    } catch (SqlSubmission.Rejected e) {
      return JudgeResult.judgeError("the package's reference is refused: " + e.getMessage(), maxScore);
    }
    boolean measured = timed && manifest.scoring().performance() > 0;
    try (var server = SqlServer.start(sandbox, pkg)) {
      return judge(pkg, server, candidate, reference, measured, progress);
    } catch (ReferenceFailure e) {
      return JudgeResult.judgeError(e.getMessage(), maxScore);
    }
  }

  private JudgeResult judge(ChallengePackage pkg, RunningSandbox server, SqlSubmission candidate,
                            SqlSubmission reference, boolean measured, Progress progress) {
    Manifest manifest = pkg.manifest();
    int maxScore = manifest.scoring().total();
    var datasets = pkg.database().datasets();
    var plan = new StepList(manifest);
    for (Dataset dataset : datasets) {
      candidate.indexes().forEach(index -> plan.index(dataset.name(), index));
    }
    String timedOn = manifest.query().timedOn();
    if (measured) {
      reference.indexes().forEach(index -> plan.index(SqlServer.referenceDatabase(timedOn), index));
    }
    for (Dataset dataset : datasets) {
      plan.query(dataset.name(), reference.query());
      plan.query(dataset.name(), candidate.query());
    }
    if (!server.awaitLine(SqlServer.SEEDED, SqlServer.SEED_LIMIT)) {
      if (!server.isRunning()) {
        return serverEnded(server, maxScore);
      }
      throw new ReferenceFailure("the datasets were not seeded within " + SqlServer.SEED_LIMIT.toMinutes()
          + " minutes: make them smaller" + serverLog(server.stop()));
    }
    var report = probe(server, plan);
    if (report == null) {
      return serverEnded(server, maxScore);
    }
    var outcomes = report.outcomes();
    int next = 0;
    for (Dataset dataset : datasets) {
      for (int i = 0; i < candidate.indexes().size(); i++) {
        Outcome index = outcomes.get(next++);
        if (index.failed()) {
          return new JudgeResult(Verdict.BUILD_ERROR, 0, maxScore, indexFailure(manifest, dataset, i, index),
              List.of());
        }
      }
    }
    if (measured) {
      for (int i = 0; i < reference.indexes().size(); i++) {
        Outcome index = outcomes.get(next++);
        if (index.failed()) {
          throw new ReferenceFailure("the reference's index statement " + (i + 1) + " fails: " + index.error());
        }
      }
    }
    var comparison = new ResultComparison(manifest.query().ordered(), manifest.compare());
    var results = new ArrayList<TestResult>();
    for (Dataset dataset : datasets) {
      Outcome expected = outcomes.get(next++);
      Outcome actual = outcomes.get(next++);
      if (expected.failed() || expected.truncated()) {
        if (results.stream().anyMatch(r -> r.verdict() != Verdict.ACCEPTED)) {
          // The candidate's query failed first and may have taken the server down with it: it decides.
          break;
        }
        throw new ReferenceFailure("the reference's query fails on dataset " + dataset.name() + ": "
            + (expected.failed() ? expected.error() : "its result is longer than output_kb or " + MAX_ROWS + " rows"));
      }
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
    PerformanceReport performance = time(server, manifest, candidate, reference);
    if (performance == null) {
      return serverEnded(server, maxScore);
    }
    int score = correctness + performance.points();
    if (LatencyScore.missesTarget(manifest.performance(), performance)) {
      return new JudgeResult(Verdict.TOO_SLOW, score, maxScore,
          LatencyScore.slowness(manifest.performance(), performance), results, performance);
    }
    return new JudgeResult(Verdict.ACCEPTED, score, maxScore, null, results, performance);
  }

  /**
   * Times both queries in alternating rounds after one warm-up run each, then keeps each one's plan.
   * Each run is the server's planning plus execution time, from {@code EXPLAIN ANALYZE} without
   * per-node timing, so neither the probe's connection nor the transfer of rows counts. Null when
   * the server ended.
   */
  private PerformanceReport time(RunningSandbox server, Manifest manifest, SqlSubmission candidate,
                                 SqlSubmission reference) {
    String candidateDb = manifest.query().timedOn();
    String referenceDb = SqlServer.referenceDatabase(candidateDb);
    var rounds = new QueryRounds(manifest.performance().rounds());
    var plan = new StepList(manifest);
    plan.query(candidateDb, QueryRounds.timed(candidate.query()));
    plan.query(referenceDb, QueryRounds.timed(reference.query()));
    for (int round = 0; round < rounds.count(); round++) {
      boolean candidateFirst = round % 2 == 0;
      plan.query(candidateFirst ? candidateDb : referenceDb,
          QueryRounds.timed((candidateFirst ? candidate : reference).query()));
      plan.query(candidateFirst ? referenceDb : candidateDb,
          QueryRounds.timed((candidateFirst ? reference : candidate).query()));
    }
    plan.query(candidateDb, QueryRounds.explained(candidate.query()));
    plan.query(referenceDb, QueryRounds.explained(reference.query()));
    var report = probe(server, plan);
    if (report == null) {
      return null;
    }
    var outcomes = report.outcomes();
    double timeoutMs = manifest.limits().wallSeconds() * 1000;
    for (int round = 0; round < rounds.count(); round++) {
      boolean candidateFirst = round % 2 == 0;
      Outcome first = outcomes.get(2 + 2 * round);
      Outcome second = outcomes.get(3 + 2 * round);
      rounds.add(candidateFirst ? first : second, candidateFirst ? second : first, timeoutMs);
    }
    int plans = 2 + 2 * rounds.count();
    return rounds.score(manifest, QueryRounds.planText(outcomes.get(plans)), QueryRounds.planText(outcomes.get(plans + 1)));
  }

  /** Runs the steps beside the seeded server; null when the server ended before or while they ran. */
  private SqlReport probe(RunningSandbox server, StepList steps) {
    var plan = new SqlPlan(SqlServer.PORT, (int) START_LIMIT.toMillis(), steps.steps());
    Duration wall = START_LIMIT.plus(PROBE_MARGIN).plus(steps.longest());
    var report = probes.run(server, PROBE_MAIN, plan, wall, SqlReport.class).orElse(null);
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
      verdict = switch (actual.sqlState()) {
        case QUERY_CANCELED -> Verdict.TIME_LIMIT;
        case OUT_OF_MEMORY -> Verdict.MEMORY_LIMIT;
        default -> Verdict.RUNTIME_ERROR;
      };
      detail = verdict == Verdict.TIME_LIMIT
          ? "the query ran past the statement timeout of " + manifest.limits().wallSeconds() + " s"
          : "SQLSTATE " + actual.sqlState() + ": " + actual.error();
    } else if (actual.truncated()) {
      verdict = Verdict.OUTPUT_LIMIT;
      detail = "the result is longer than " + MAX_ROWS + " rows or " + manifest.limits().outputKb() + " KiB";
    } else {
      detail = comparison.difference(expected, actual).orElse(null);
      verdict = detail == null ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER;
    }
    return new TestResult(dataset.name(), dataset.visibility(), verdict, ms, 0, 0, detail);
  }

  /** Correctness points shared among hidden datasets; one the judging did not reach earns none. */
  private static int correctness(Manifest manifest, List<Dataset> datasets, List<TestResult> results) {
    long hidden = datasets.stream().filter(d -> d.visibility() == Visibility.HIDDEN).count();
    long passed = results.stream().filter(r -> r.visibility() == Visibility.HIDDEN && r.verdict() == Verdict.ACCEPTED)
        .count();
    return (int) (manifest.scoring().correctness() * passed / hidden);
  }

  /** An index statement that fails on hidden data says so without the server's words, which may quote that data. */
  private static String indexFailure(Manifest manifest, Dataset dataset, int index, Outcome outcome) {
    String where = SqlSubmission.INDEXES_FILE + ": statement " + (index + 1);
    if (QUERY_CANCELED.equals(outcome.sqlState())) {
      return where + " ran past " + manifest.limits().buildSeconds() + " s (build_seconds) on dataset " + dataset.name();
    }
    if (dataset.visibility() == Visibility.HIDDEN) {
      return where + " fails on a hidden dataset (SQLSTATE " + outcome.sqlState() + ")";
    }
    return where + " fails: " + outcome.error();
  }

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

  /** The statements of one probe run, each with the timeout and caps its kind gets. */
  private static final class StepList {
    private final Manifest manifest;
    private final List<SqlStep> steps = new ArrayList<>();
    private long longestMs;

    StepList(Manifest manifest) {
      this.manifest = manifest;
    }

    void index(String database, String statement) {
      add(new SqlStep(database, SqlServer.OWNER, statement, false, manifest.limits().buildSeconds() * 1000, 0, 0));
    }

    void query(String database, String query) {
      add(new SqlStep(database, SqlServer.SOLVER, query, true, (int) Math.round(manifest.limits().wallSeconds() * 1000),
          MAX_ROWS, manifest.limits().outputKb() * 1024));
    }

    private void add(SqlStep step) {
      steps.add(step);
      longestMs += step.timeoutMs() + CLIENT_GRACE_MS;
    }

    List<SqlStep> steps() {
      return steps;
    }

    Duration longest() {
      return Duration.ofMillis(longestMs);
    }
  }

}
