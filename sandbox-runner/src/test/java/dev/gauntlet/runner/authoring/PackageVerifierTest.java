package dev.gauntlet.runner.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.KnownSubmission;
import dev.gauntlet.runner.challenge.LatencyMetric;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.Scoring;
import dev.gauntlet.runner.challenge.Tolerance;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The limits a verified package must leave its reference")
class PackageVerifierTest {
  /** One second and 64 MiB per test. */
  private static final ChallengePackage PKG = new ChallengePackage(
      new Manifest(Manifest.FORMAT, "p", "P", JudgeKind.STDIO, List.of(), List.of(Language.PYTHON), 5,
          new Limits(10, 1, 64, 1, 16, 16), new Scoring(100, 0), Tolerance.EXACT),
      "", Map.of(), List.of(), Map.of(Language.PYTHON, Map.of("main.py", "print(1)")), List.of(), List.of());

  private static VerificationReport verifyWithReferenceUsing(long wallMs, long memoryKb) {
    var test = new TestResult("01", Visibility.HIDDEN, Verdict.ACCEPTED, wallMs, wallMs, memoryKb, null);
    return new PackageVerifier((pkg, submission, progress) ->
        new JudgeResult(Verdict.ACCEPTED, 100, 100, null, List.of(test), null)).verify(PKG);
  }

  @Test
  @DisplayName("a reference within half the time limit and three quarters of the memory limit passes")
  void roomLeft() {
    var report = verifyWithReferenceUsing(500, 48 * 1024);

    assertThat(report.problems()).isEmpty();
    assertThat(report.render()).contains("reference/python  ACCEPTED       ACCEPTED           500 ms      48 MiB  ok");
  }

  @Test
  @DisplayName("a reference close to the time or the memory limit fails the package, saying which limit to raise")
  void tooClose() {
    assertThat(verifyWithReferenceUsing(501, 1024).problems()).containsExactly("reference/python takes 501 ms on its"
        + " slowest test, over 50% of the 1000 ms limit: raise wall_seconds or shrink the test");
    assertThat(verifyWithReferenceUsing(100, 49 * 1024).problems()).containsExactly("reference/python uses 49 MiB on"
        + " its hungriest test, over 75% of the 64 MiB limit: raise memory_mb");
  }

  @Test
  @DisplayName("warns when a too-slow submission earns most of the performance points, for noise may make it ACCEPTED")
  void barelyTooSlow() {
    var slow = new KnownSubmission("almost", Verdict.TOO_SLOW, Language.PYTHON, Map.of("main.py", "print(2)"));
    var pkg = new ChallengePackage(PKG.manifest(), "", Map.of(), List.of(), PKG.references(), List.of(slow), List.of());
    var performance = new PerformanceReport(LatencyMetric.P90_MS, List.of(1.7), List.of(1.0), 1.7, 1.7, 1.7, 100, 0, 28,
        30, null);

    var report = new PackageVerifier((p, submission, progress) -> submission.files().equals(slow.files())
        ? new JudgeResult(Verdict.TOO_SLOW, 98, 100, null, List.of(), performance)
        : new JudgeResult(Verdict.ACCEPTED, 100, 100, null, List.of())).verify(pkg);

    assertThat(report.passed()).isTrue();
    assertThat(report.warnings()).anySatisfy(warning -> assertThat(warning).startsWith(
        "submissions/too_slow/almost earns 28 of 30 performance points: so close to the target"));
    assertThat(report.render()).contains("submissions/too_slow/almost: p90_ms 1.70 ms against the reference's 1.00 ms"
        + " (medians of 1 rounds): ratio 1.70 (1.70 to 1.70 by round), 28 of 30 points");
  }
}
