package dev.gauntlet.runner.judge.concurrency;

import dev.gauntlet.harness.protocol.Plan;
import dev.gauntlet.harness.protocol.ProblemKind;
import dev.gauntlet.harness.protocol.Report;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.ConcurrencySpec;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.judge.Build;
import dev.gauntlet.runner.judge.LatencyScore;
import dev.gauntlet.runner.judge.Logs;
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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code concurrency} judge. The candidate's class is built with the package's interface, then
 * run by the harness in rounds that alternate with the reference's, each in a sandbox of its own:
 * <ol>
 *   <li>the candidate: linearizability trials, recorded; stress runs, each checked by the workload
 *       and all but the first timed;</li>
 *   <li>the reference: the same, and then the candidate's histories, replayed on the reference;</li>
 *   <li>while performance is scored, more rounds of timed stress runs on each side, up to
 *       {@code performance.rounds}.</li>
 * </ol>
 * Nothing the candidate's JVM says counts unless the harness signed it; what decides correctness,
 * the replay of the histories, happens where the candidate's code never ran.
 */
public final class ConcurrencyJudge implements TimedJudge {
  static final int TRIALS = 200;
  static final int TRIAL_THREADS = 3;
  static final int TRIAL_CALLS = 4;
  static final int TIMED_RUNS = 3;
  /** The JVM's start and the report's writing: within the wall limit, after the harness's deadline. */
  private static final long MARGIN_MS = 1500;
  private static final int CACHED_PACKAGES = 8;
  private static final SecureRandom SEEDS = new SecureRandom();
  private static final String STRESS = "stress";
  private static final String LINEARIZABILITY = "linearizability";

  private final Sandbox sandbox;
  private final HarnessSandbox harness;
  /** Workloads and references built, per package version: they are the same for every submission. */
  private final Map<ChallengePackage, BuiltChallenge> built = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ChallengePackage, BuiltChallenge> eldest) {
      return size() > CACHED_PACKAGES;
    }
  };

  public ConcurrencyJudge(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.harness = new HarnessSandbox(sandbox);
  }

  /** The reference is checked with {@code timed} false: it must pass, and is not timed against itself. */
  @Override
  public JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress, boolean timed) {
    int maxScore = pkg.manifest().scoring().total();
    Limits limits = pkg.manifest().limits();
    var sources = new HashMap<String, byte[]>();
    BuiltChallenge.withApi(pkg, submission.files())
        .forEach((path, text) -> sources.put(path, text.getBytes(StandardCharsets.UTF_8)));
    var build = Build.run(sandbox, RuntimeImages.imageFor(Language.JAVA), sources,
        List.of("sh", "-c", BuiltChallenge.classBuild("/sandbox/src", "/sandbox/out")), limits);
    if (!build.succeeded()) {
      return new JudgeResult(Verdict.BUILD_ERROR, 0, maxScore, build.failure(), List.of());
    }
    try {
      return judgeBuilt(pkg, challenge(pkg), build.out(), progress, timed);
    } catch (ReferenceFailure e) {
      return JudgeResult.judgeError(e.getMessage(), maxScore);
    }
  }

  private BuiltChallenge challenge(ChallengePackage pkg) {
    synchronized (built) {
      BuiltChallenge challenge = built.get(pkg);
      if (challenge != null) {
        return challenge;
      }
    }
    // Built outside the lock: two judgings of a new package may both build it, and neither waits.
    BuiltChallenge challenge = BuiltChallenge.of(sandbox, pkg);
    synchronized (built) {
      built.put(pkg, challenge);
    }
    return challenge;
  }

  private JudgeResult judgeBuilt(ChallengePackage pkg, BuiltChallenge challenge, Map<String, byte[]> classes,
                                 Progress progress, boolean timed) {
    var manifest = pkg.manifest();
    int maxScore = manifest.scoring().total();
    ConcurrencySpec spec = manifest.concurrency();
    long seed = SEEDS.nextLong();
    // The reference's class has the name candidates must use, so one plan serves both sides.
    Plan first = plan(manifest, seed, TRIALS);
    var tests = new ArrayList<TestResult>();

    var candidateRun = harness.run(challenge, classes, first, null, manifest.limits());
    var failure = CandidateFailure.of(candidateRun, TRIALS * TRIAL_THREADS * TRIAL_CALLS, TIMED_RUNS);
    tests.add(test(STRESS, candidateRun.result(), failure));
    progress.testJudged(tests.get(0), 1, 2);
    if (failure != null) {
      return new JudgeResult(failure.verdict(), 0, maxScore, failure.message(), tests);
    }
    Report candidate = candidateRun.report().orElseThrow();
    var referenceRun = harness.run(challenge, challenge.reference(), first,
        candidateBody(candidate), manifest.limits());
    Report checked = referenceReport(referenceRun);
    if (checked.problem() == null && checked.checkedTrials() != TRIALS) {
      throw new ReferenceFailure("the reference's run checked " + checked.checkedTrials() + " histories, not "
          + TRIALS);
    }
    var notLinearizable = checked.problem() == null ? null
        : new CandidateFailure(Verdict.WRONG_ANSWER, checked.problem().message());
    tests.add(test(LINEARIZABILITY, referenceRun.result(), notLinearizable));
    progress.testJudged(tests.get(1), 2, 2);
    if (notLinearizable != null) {
      return new JudgeResult(Verdict.WRONG_ANSWER, 0, maxScore, notLinearizable.message(), tests);
    }
    int correctness = manifest.scoring().correctness();
    if (!timed || manifest.scoring().performance() == 0) {
      return new JudgeResult(Verdict.ACCEPTED, correctness, maxScore, null, tests);
    }
    var candidateMs = new ArrayList<>(millis(candidate));
    var referenceMs = new ArrayList<>(millis(checked));
    var performance = manifest.performance();
    for (int round = 1; round < performance.rounds(); round++) {
      long roundSeed = SEEDS.nextLong();
      var again = harness.run(challenge, classes, plan(manifest, roundSeed, 0), null,
          manifest.limits());
      var later = CandidateFailure.of(again, 0, TIMED_RUNS);
      if (later != null) {
        // A class that failed once it was timed again has shown it is not correct after all.
        tests.add(test(STRESS + " (round " + (round + 1) + ")", again.result(), later));
        return new JudgeResult(later.verdict(), 0, maxScore, later.message(), tests);
      }
      candidateMs.addAll(millis(again.report().orElseThrow()));
      referenceMs.addAll(millis(referenceReport(harness.run(challenge, challenge.reference(),
          plan(manifest, roundSeed, 0), null, manifest.limits()))));
    }
    long calls = (long) candidateMs.size() * spec.threads() * spec.operations();
    PerformanceReport report = LatencyScore.score(performance, manifest.scoring().performance(), candidateMs,
        referenceMs, calls, 0, null);
    Verdict verdict = LatencyScore.missesTarget(performance, report) ? Verdict.TOO_SLOW : Verdict.ACCEPTED;
    String message = verdict == Verdict.TOO_SLOW ? LatencyScore.slowness(performance, report) : null;
    return new JudgeResult(verdict, correctness + report.points(), maxScore, message, tests, report);
  }

  private static Plan plan(Manifest manifest, long seed, int trials) {
    ConcurrencySpec spec = manifest.concurrency();
    long deadlineMs = Math.max(1000, Math.round(manifest.limits().wallSeconds() * 1000) - MARGIN_MS);
    return new Plan(spec.implementation(), seed, trials, TRIAL_THREADS, TRIAL_CALLS, spec.threads(), spec.operations(),
        TIMED_RUNS, deadlineMs, null);
  }

  /** The candidate's histories, to be checked: only its call lines, which is all a check reads. */
  private static String candidateBody(Report candidate) {
    var body = new Report.Writer();
    candidate.calls().forEach(body::call);
    return body.end();
  }

  /** The reference must run clean; only the check of the candidate's histories may find a problem. */
  private static Report referenceReport(HarnessSandbox.Outcome run) {
    Report report = run.report().orElseThrow(() -> new ReferenceFailure("the reference's harness run ended without"
        + " a report (exit " + run.result().exitCode() + (run.result().timedOut() ? ", timed out" : "")
        + (run.result().oomKilled() ? ", out of memory" : "") + ")" + Logs.stderrTail(run.result().stderr())));
    if (report.problem() != null && report.problem().kind() != ProblemKind.NOT_LINEARIZABLE) {
      throw new ReferenceFailure("the reference fails its own workload: " + report.problem().message());
    }
    if (report.timedNanos().size() != TIMED_RUNS) {
      throw new ReferenceFailure("the reference's run timed " + report.timedNanos().size() + " stress runs, not "
          + TIMED_RUNS);
    }
    return report;
  }

  private static List<Double> millis(Report report) {
    return report.timedNanos().stream().map(nanos -> nanos / 1e6).toList();
  }

  private static TestResult test(String name, SandboxResult run, CandidateFailure failure) {
    return new TestResult(name, Visibility.HIDDEN, failure == null ? Verdict.ACCEPTED : failure.verdict(),
        run.wall().toMillis(), run.cpu().toMillis(), run.peakMemoryKb().orElse(0),
        failure == null ? null : failure.message());
  }
}
