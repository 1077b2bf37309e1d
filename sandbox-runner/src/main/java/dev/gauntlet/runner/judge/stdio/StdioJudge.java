package dev.gauntlet.runner.judge.stdio;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.challenge.TestCase;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.judge.Build;
import dev.gauntlet.runner.judge.Judge;
import dev.gauntlet.runner.judge.Logs;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code stdio} judge: builds the submission once in a sandbox, then runs each test case in a
 * fresh sandbox of its own with the test's input on standard input, and compares what it printed.
 * Public tests run first; the first test case that does not pass decides the verdict and ends the
 * judging, as in Kattis.
 */
public final class StdioJudge implements Judge {
  private static final int LOG_BYTES = 64 << 10;

  private final Sandbox sandbox;

  public StdioJudge(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public JudgeResult judge(ChallengePackage pkg, Submission submission, Progress progress) {
    var limits = pkg.manifest().limits();
    int maxScore = pkg.manifest().scoring().total();
    var build = Build.of(sandbox, submission, limits);
    if (!build.succeeded()) {
      return new JudgeResult(Verdict.BUILD_ERROR, 0, maxScore, build.failure(), List.of());
    }
    var comparator = new TokenComparator(pkg.manifest().compare());
    var results = new ArrayList<TestResult>();
    for (TestCase test : pkg.tests()) {
      var run = sandbox.run(testRequest(submission, build.out(), test, limits));
      var result = judged(test, run, comparator);
      results.add(result);
      progress.testJudged(result, results.size(), pkg.tests().size());
      if (result.verdict() != Verdict.ACCEPTED) {
        return new JudgeResult(result.verdict(), partialScore(pkg, results), maxScore, null, results);
      }
    }
    return new JudgeResult(Verdict.ACCEPTED, maxScore, maxScore, null, results);
  }

  private static SandboxRequest testRequest(Submission submission, Map<String, byte[]> built, TestCase test,
                                            Limits limits) {
    var files = new HashMap<String, byte[]>();
    built.forEach((path, bytes) -> files.put("out/" + path, bytes));
    files.put("in", test.input());
    long filesBytes = files.values().stream().mapToLong(b -> b.length).sum();
    var runLimits = new SandboxLimits(limits.memoryMb() * (1L << 20), limits.cpus(), limits.pids(),
        Duration.ofMillis(Math.round(limits.wallSeconds() * 1000)),
        new StreamCap(limits.outputKb() << 10, true), new StreamCap(LOG_BYTES, false),
        SandboxLimits.scratchMbFor(filesBytes));
    return new SandboxRequest(RuntimeImages.imageFor(submission.language()), files, "out",
        submission.language().runCommand(), Optional.of("in"), false, runLimits);
  }

  private static TestResult judged(TestCase test, SandboxResult run, TokenComparator comparator) {
    Verdict verdict;
    String detail;
    if (run.outputExceeded()) {
      verdict = Verdict.OUTPUT_LIMIT;
      detail = "printed more than the output limit";
    } else if (run.oomKilled()) {
      verdict = Verdict.MEMORY_LIMIT;
      detail = "killed by the kernel for using more memory than the limit";
    } else if (run.timedOut()) {
      verdict = Verdict.TIME_LIMIT;
      detail = "still running when the time limit ran out";
    } else if (run.exitCode() != 0) {
      verdict = Verdict.RUNTIME_ERROR;
      detail = "exited with status " + run.exitCode() + Logs.stderrTail(run.stderr());
    } else {
      var difference = comparator.difference(test.answer(), run.stdout());
      verdict = difference.isPresent() ? Verdict.WRONG_ANSWER : Verdict.ACCEPTED;
      detail = difference.orElse(null);
    }
    long wallMs = run.wall().toMillis();
    long memoryKb = run.peakMemoryKb().orElse(0);
    return new TestResult(test.name(), test.visibility(), verdict, wallMs, run.cpu().toMillis(), memoryKb, detail);
  }

  /**
   * Correctness points shared equally among hidden tests; a partial run earns those it passed, and
   * a run on the public tests alone earns none.
   */
  private static int partialScore(ChallengePackage pkg, List<TestResult> results) {
    long hidden = pkg.tests(Visibility.HIDDEN).size();
    long passed = results.stream()
        .filter(r -> r.visibility() == Visibility.HIDDEN && r.verdict() == Verdict.ACCEPTED).count();
    return hidden == 0 ? 0 : (int) (pkg.manifest().scoring().correctness() * passed / hidden);
  }
}
