package dev.gauntlet.runner.judge.http;

import dev.gauntlet.probe.Plan;
import dev.gauntlet.probe.ProbeReport;
import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import dev.gauntlet.probe.ProbeReport.ScenarioOutcome;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.ScenarioFile;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.judge.Build;
import dev.gauntlet.runner.judge.Judge;
import dev.gauntlet.runner.judge.LatencyScore;
import dev.gauntlet.runner.judge.Logs;
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
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code http-service} judge. The candidate's project is built, then started as a service in a
 * sandbox with no network but its own loopback; a probe sandbox joins that loopback and runs the
 * package's scenarios against it, from outside the candidate's container. When the required
 * scenarios pass and the package scores latency, the reference is built and started beside it, and
 * the two are loaded in alternating rounds; the ratio of their medians gives the performance points.
 */
public final class HttpServiceJudge implements Judge {
  /** The service is stopped by the judge; this only bounds a service whose runner died. */
  private static final Duration SERVICE_BACKSTOP = Duration.ofMinutes(15);
  private static final int LOG_BYTES = 64 << 10;

  private final Sandbox sandbox;
  private final Probe probe;
  private final AlternatingLoad alternating;

  public HttpServiceJudge(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.probe = new Probe(sandbox);
    this.alternating = new AlternatingLoad(sandbox, probe);
  }

  @Override
  public JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress) {
    return judge(pkg, submission, progress, service -> measure(pkg, submission.language(), service));
  }

  /**
   * The reference is the yardstick: loading it beside itself would measure nothing but noise. It
   * must pass every scenario and hold one round of the package's load.
   */
  @Override
  public JudgeResult judgeReference(ChallengePackage pkg, Language language) {
    return judge(pkg, new Submission(language, pkg.references().get(language)), Progress.NONE,
        service -> holdsLoad(pkg, service));
  }

  /**
   * @param latency scores the service's latency once its required scenarios pass; null when the
   *                service stopped answering
   */
  private JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress,
                            Function<RunningSandbox, PerformanceReport> latency) {
    Manifest manifest = pkg.manifest();
    int maxScore = manifest.scoring().total();
    var build = Build.of(sandbox, submission, manifest.limits());
    if (!build.succeeded()) {
      return new JudgeResult(Verdict.BUILD_ERROR, 0, maxScore, build.failure(), List.of());
    }
    try (var service = start(submission.language(), build, manifest.limits())) {
      ProbeReport report = probe.run(service, scenarioPlan(pkg));
      if (!report.ready()) {
        return notReady(service, manifest, maxScore);
      }
      var results = results(pkg, report.scenarios());
      for (int i = 0; i < results.size(); i++) {
        progress.testJudged(results.get(i), i + 1, results.size());
      }
      if (!service.isRunning()) {
        return stopped(service.stop(), results, maxScore);
      }
      boolean allPassed = report.scenarios().stream().allMatch(ScenarioOutcome::passed);
      boolean requiredPassed = requiredPassed(pkg, report.scenarios());
      PerformanceReport performance = null;
      if (manifest.scoring().performance() > 0 && requiredPassed) {
        performance = latency.apply(service);
        if (!service.isRunning()) {
          return stopped(service.stop(), results, maxScore);
        }
      }
      int score = correctness(pkg, report.scenarios()) + (performance == null ? 0 : performance.points());
      if (!allPassed) {
        return new JudgeResult(Verdict.WRONG_ANSWER, score, maxScore, null, results, performance);
      }
      if (performance != null && LatencyScore.missesTarget(manifest.performance(), performance)) {
        return new JudgeResult(Verdict.TOO_SLOW, score, maxScore,
            LatencyScore.slowness(manifest.performance(), performance), results, performance);
      }
      return new JudgeResult(Verdict.ACCEPTED, score, maxScore, null, results, performance);
    } catch (ReferenceFailure e) {
      return JudgeResult.judgeError(e.getMessage(), maxScore);
    }
  }

  private RunningSandbox start(Language language, Build build, Limits limits) {
    var files = new HashMap<String, byte[]>();
    build.out().forEach((path, bytes) -> files.put("out/" + path, bytes));
    long filesBytes = files.values().stream().mapToLong(b -> b.length).sum();
    var serviceLimits = new SandboxLimits(limits.memoryMb() * (1L << 20), limits.cpus(), limits.pids(),
        SERVICE_BACKSTOP, new StreamCap(LOG_BYTES, false), new StreamCap(LOG_BYTES, false),
        SandboxLimits.scratchMbFor(filesBytes));
    return sandbox.start(new SandboxRequest(RuntimeImages.imageFor(language), files, "out", language.runCommand(),
        Optional.empty(), false, serviceLimits));
  }

  private static Plan scenarioPlan(ChallengePackage pkg) {
    var manifest = pkg.manifest();
    return new Plan(manifest.service().port(), manifest.service().readyPath(), manifest.service().readySeconds() * 1000,
        (int) Math.round(manifest.limits().wallSeconds() * 1000),
        pkg.scenarios().stream().map(ScenarioFile::scenario).toList(), null);
  }

  private static Plan loadPlan(ChallengePackage pkg) {
    var manifest = pkg.manifest();
    return new Plan(manifest.service().port(), manifest.service().readyPath(), manifest.service().readySeconds() * 1000,
        (int) Math.round(manifest.limits().wallSeconds() * 1000), List.of(), manifest.load());
  }

  /**
   * Builds and starts the reference in the candidate's language, checks it passes the scenarios
   * (which also leaves it in the same state as the candidate's service), then loads both in
   * alternating rounds ({@link AlternatingLoad}). Null when the candidate's service stopped
   * running.
   */
  private PerformanceReport measure(ChallengePackage pkg, Language language, RunningSandbox candidate) {
    var manifest = pkg.manifest();
    var referenceBuild = Build.of(sandbox, new Submission(language, pkg.references().get(language)),
        manifest.limits());
    if (!referenceBuild.succeeded()) {
      throw new ReferenceFailure("the reference in " + language.id() + " does not build: " + referenceBuild.failure());
    }
    try (var reference = start(language, referenceBuild, manifest.limits())) {
      var checked = probe.run(reference, scenarioPlan(pkg));
      if (!checked.ready()) {
        throw new ReferenceFailure("the reference service in " + language.id() + " did not become ready");
      }
      checked.scenarios().stream().filter(s -> !s.passed()).findFirst().ifPresent(s -> {
        throw new ReferenceFailure("the reference in " + language.id() + " fails scenario " + s.name() + ": "
            + s.failure());
      });
      var loaded = alternating.run(candidate, reference, loadPlan(pkg), manifest.performance().rounds(),
          manifest.limits().cpus());
      List<LoadOutcome> referenceRounds = loaded.reference().rounds();
      if (referenceRounds.isEmpty()) {
        throw new ReferenceFailure("the reference service in " + language.id() + " stopped answering under load");
      }
      if (referenceRounds.getFirst().setupFailure() != null) {
        throw new ReferenceFailure("the load's setup fails on the reference: "
            + referenceRounds.getFirst().setupFailure());
      }
      if (LoadRounds.failedTooOften(referenceRounds)) {
        throw new ReferenceFailure("the reference failed more than " + Math.round(LoadRounds.MAX_FAILED_SHARE * 100)
            + "% of its requests under load: the load is too heavy for this runner or its timeout too short");
      }
      List<LoadOutcome> candidateRounds = loaded.candidate().rounds();
      if (candidateRounds.isEmpty()) {
        return candidate.isRunning() ? noPoints(manifest, "the service stopped answering GET "
            + manifest.service().readyPath() + " before its load") : null;
      }
      if (candidateRounds.getFirst().setupFailure() != null) {
        return setupFailed(manifest, candidateRounds.getFirst());
      }
      if (loaded.candidateLate()) {
        return noPoints(manifest, "the service took " + loaded.candidate().readyMillis() + " ms to answer GET "
            + manifest.service().readyPath() + " before its load, and missed the start of its rounds");
      }
      return LoadRounds.score(manifest.performance(), manifest.scoring().performance(), candidateRounds,
          referenceRounds, manifest.load().timeoutMs());
    }
  }

  /** One round of load on the reference alone: null when it held, a report saying why when not. */
  private PerformanceReport holdsLoad(ChallengePackage pkg, RunningSandbox reference) {
    var manifest = pkg.manifest();
    var report = probe.run(reference, loadPlan(pkg));
    if (report.rounds().isEmpty()) {
      return null;
    }
    LoadOutcome round = report.rounds().getFirst();
    if (round.setupFailure() != null) {
      return setupFailed(manifest, round);
    }
    var rounds = List.of(round);
    if (!LoadRounds.failedTooOften(rounds)) {
      return null;
    }
    return new PerformanceReport(manifest.performance().metric(),
        List.of(LoadRounds.figure(manifest.performance().metric(), round.latencyMicros(), manifest.load().timeoutMs())),
        List.of(), 0, 0, 0, round.sent(), round.errors() + round.timeouts(), 0, manifest.scoring().performance(),
        (round.errors() + round.timeouts()) + " of " + round.sent() + " requests under load failed or timed out:"
            + " the reference does not hold the package's load on this machine");
  }

  private static PerformanceReport setupFailed(Manifest manifest, LoadOutcome round) {
    return noPoints(manifest, "the load's setup failed: " + round.setupFailure());
  }

  private static PerformanceReport noPoints(Manifest manifest, String why) {
    return new PerformanceReport(manifest.performance().metric(), List.of(), List.of(), 0, 0, 0, 0, 0, 0,
        manifest.scoring().performance(), why);
  }

  private static List<TestResult> results(ChallengePackage pkg, List<ScenarioOutcome> outcomes) {
    var results = new ArrayList<TestResult>();
    for (int i = 0; i < outcomes.size(); i++) {
      ScenarioFile file = pkg.scenarios().get(i);
      ScenarioOutcome outcome = outcomes.get(i);
      results.add(new TestResult(file.name(), file.visibility(),
          outcome.passed() ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER, outcome.slowestMillis(), 0, 0,
          outcome.failure()));
    }
    return results;
  }

  private static boolean requiredPassed(ChallengePackage pkg, List<ScenarioOutcome> outcomes) {
    for (int i = 0; i < outcomes.size(); i++) {
      if (pkg.scenarios().get(i).scenario().required() && !outcomes.get(i).passed()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Correctness points shared among hidden scenarios by their points. A package always has hidden
   * scenarios; only a candidate's run, on the public ones alone, has none, and earns nothing.
   */
  private static int correctness(ChallengePackage pkg, List<ScenarioOutcome> outcomes) {
    long total = 0;
    long earned = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      ScenarioFile file = pkg.scenarios().get(i);
      if (file.visibility() == Visibility.HIDDEN) {
        total += file.scenario().points();
        earned += outcomes.get(i).passed() ? file.scenario().points() : 0;
      }
    }
    int points = pkg.manifest().scoring().correctness();
    return total == 0 ? 0 : (int) (points * earned / total);
  }

  private static JudgeResult notReady(RunningSandbox service, Manifest manifest, int maxScore) {
    boolean running = service.isRunning();
    SandboxResult ended = service.stop();
    String log = serviceLog(ended);
    if (running) {
      return new JudgeResult(Verdict.TIME_LIMIT, 0, maxScore, "the service did not answer GET "
          + manifest.service().readyPath() + " on port " + manifest.service().port() + " with a 2xx status within "
          + manifest.service().readySeconds() + " s" + log, List.of());
    }
    if (ended.oomKilled()) {
      return new JudgeResult(Verdict.MEMORY_LIMIT, 0, maxScore, "the service ran out of memory before it was ready",
          List.of());
    }
    return new JudgeResult(Verdict.RUNTIME_ERROR, 0, maxScore, "the service exited with status " + ended.exitCode()
        + " before it was ready" + log, List.of());
  }

  /**
   * A service that ended while the judge still needed it. Its output is not shown: by then it may
   * hold what hidden scenarios sent.
   */
  private static JudgeResult stopped(SandboxResult ended, List<TestResult> results, int maxScore) {
    if (ended.oomKilled()) {
      return new JudgeResult(Verdict.MEMORY_LIMIT, 0, maxScore, "the service ran out of memory and was killed",
          results);
    }
    return new JudgeResult(Verdict.RUNTIME_ERROR, 0, maxScore, "the service exited with status " + ended.exitCode()
        + " while it was being judged", results);
  }

  private static String serviceLog(SandboxResult ended) {
    String out = new String(ended.stdout(), StandardCharsets.UTF_8).strip();
    String err = new String(ended.stderr(), StandardCharsets.UTF_8).strip();
    String both = (out + "\n" + err).strip();
    return both.isEmpty() ? "" : "\n" + Logs.shorten(both);
  }
}
