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
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Verifies a package the way a reviewer would: it loads, its references pass every test in every
 * language, each known submission gets exactly the verdict its folder names, and the limits leave
 * the references room while still stopping a too-slow solution.
 */
public final class PackageVerifier {
  /** A reference may use at most this share of the wall-clock limit on any test. */
  static final double WALL_HEADROOM = 0.5;
  private static final Set<Verdict> TOO_SLOW = Set.of(Verdict.TIME_LIMIT, Verdict.TOO_SLOW);

  private final Judge judge;

  public PackageVerifier(Judge judge) {
    this.judge = judge;
  }

  public VerificationReport verify(Path folder) {
    String name = folder.getFileName().toString();
    ChallengePackage pkg;
    try {
      pkg = PackageLoader.load(folder);
    } catch (PackageException e) {
      return new VerificationReport(name, List.of(), List.of(e.getMessage()), List.of());
    }
    var checks = new ArrayList<Check>();
    var problems = new ArrayList<String>();
    var warnings = new ArrayList<String>();
    for (Language language : pkg.references().keySet()) {
      var check = check("reference/" + language.id(), Verdict.ACCEPTED, judge.judgeReference(pkg, language));
      checks.add(check);
      checkHeadroom(pkg, check, problems);
    }
    for (KnownSubmission known : pkg.submissions()) {
      checks.add(check("submissions/" + known.expected().folderName() + "/" + known.name(), known.expected(),
          judge.judge(pkg, new Submission(known.language(), known.files()), Progress.NONE)));
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
    return new Check(solution, expected, result.verdict(), slowest, explain(result));
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
  }
}
