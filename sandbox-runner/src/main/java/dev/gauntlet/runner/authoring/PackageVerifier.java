package dev.gauntlet.runner.authoring;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.KnownSubmission;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.challenge.PackageLoader;
import dev.gauntlet.runner.judge.Judge;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies a package the way a reviewer would: it loads, its references pass every test in every
 * language, each known submission gets exactly the verdict its folder names, and the limits leave
 * the references room (in time and in memory) while still stopping a too-slow solution.
 */
public final class PackageVerifier {
  /** A reference may use at most this share of the wall-clock limit on any test. */
  static final double WALL_HEADROOM = 0.5;
  /** A reference may use at most this share of the memory limit on any test. */
  static final double MEMORY_HEADROOM = 0.75;
  private static final Set<Verdict> TOO_SLOW = Set.of(Verdict.TIME_LIMIT, Verdict.TOO_SLOW);

  private final Judge judge;

  public PackageVerifier(Judge judge) {
    this.judge = judge;
  }

  /** Verifies the package in a folder; one that does not load fails, saying why. */
  public VerificationReport verify(Path folder) {
    try {
      return verify(PackageLoader.load(folder));
    } catch (PackageException e) {
      return VerificationReport.failed(folder.getFileName().toString(), e.getMessage());
    }
  }

  public VerificationReport verify(ChallengePackage pkg) {
    var checks = new ArrayList<Check>();
    var problems = new ArrayList<String>();
    var warnings = new ArrayList<String>();
    for (Language language : pkg.references().keySet()) {
      var check = check("reference/" + language.id(), Verdict.ACCEPTED, judge.judgeReference(pkg, language));
      checks.add(check);
      checkHeadroom(pkg, check, problems);
    }
    for (KnownSubmission known : pkg.submissions()) {
      var result = judge.judge(pkg, new Submission(known.language(), known.files()), Progress.NONE);
      var check = check("submissions/" + known.expected().folderName() + "/" + known.name(), known.expected(), result);
      checks.add(check);
      if (check.passed() && known.expected() == Verdict.TOO_SLOW && result.performance() != null
          && result.performance().points() * 2 > result.performance().maxPoints()) {
        warnings.add(check.solution() + " earns " + result.performance().points() + " of "
            + result.performance().maxPoints() + " performance points: so close to the target that a quieter run may"
            + " make it ACCEPTED; make it slower, towards zero_at times the reference");
      }
    }
    if (pkg.submissions().stream().noneMatch(s -> TOO_SLOW.contains(s.expected()))) {
      warnings.add("no known submission is too slow (submissions/time_limit/ or submissions/too_slow/): nothing"
          + " shows that the limits separate a good solution from a naive one");
    }
    if (pkg.submissions().stream().noneMatch(s -> s.expected() == Verdict.WRONG_ANSWER)) {
      warnings.add("no known wrong answer (submissions/wrong_answer/): nothing shows that the tests catch a mistake");
    }
    return new VerificationReport(pkg.id(), checks, problems, warnings);
  }

  private static Check check(String solution, Verdict expected, JudgeResult result) {
    long slowest = result.tests().stream().mapToLong(TestResult::wallMs).max().orElse(0);
    long peak = result.tests().stream().mapToLong(TestResult::memoryKb).max().orElse(0);
    return new Check(solution, expected, result.verdict(), slowest, peak, explain(result), latency(result));
  }

  /** What an author tunes {@code full_marks_at} and {@code zero_at} with: both sides' figures and the points they made. */
  private static String latency(JudgeResult result) {
    var p = result.performance();
    if (p == null || p.candidateMs().isEmpty() || p.referenceMs().isEmpty()) {
      return p == null ? null : p.note();
    }
    return String.format(Locale.ROOT, "%s %.2f ms against the reference's %.2f ms (medians of %d rounds): ratio %.2f"
            + " (%.2f to %.2f by round), %d of %d points", p.metric().manifestName(), PerformanceReport.median(p.candidateMs()),
        PerformanceReport.median(p.referenceMs()), p.candidateMs().size(), p.ratio(), p.ratioLow(), p.ratioHigh(), p.points(),
        p.maxPoints());
  }


  private static String explain(JudgeResult result) {
    if (result.message() != null) {
      return result.message().strip();
    }
    return result.tests().stream().filter(t -> t.verdict() != Verdict.ACCEPTED).findFirst()
        .map(t -> "test " + t.visibility().folderName() + "/" + t.name() + ": " + t.verdict()
            + (t.detail() == null ? "" : " (" + t.detail().strip() + ")"))
        .orElse(null);
  }

  private static void checkHeadroom(ChallengePackage pkg, Check reference, List<String> problems) {
    long limitMs = Math.round(pkg.manifest().limits().wallSeconds() * 1000);
    if (reference.passed() && reference.slowestMs() > limitMs * WALL_HEADROOM) {
      problems.add(reference.solution() + " takes " + reference.slowestMs() + " ms on its slowest test, over "
          + Math.round(WALL_HEADROOM * 100) + "% of the " + limitMs + " ms limit: raise wall_seconds or shrink the test");
    }
    long limitKb = pkg.manifest().limits().memoryMb() * 1024L;
    if (reference.passed() && reference.peakKb() > limitKb * MEMORY_HEADROOM) {
      problems.add(reference.solution() + " uses " + reference.peakKb() / 1024 + " MiB on its hungriest test, over "
          + Math.round(MEMORY_HEADROOM * 100) + "% of the " + limitKb / 1024 + " MiB limit: raise memory_mb");
    }
  }
}
