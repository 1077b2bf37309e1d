package dev.gauntlet.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.authoring.PackageVerifier;
import dev.gauntlet.runner.authoring.VerificationReport;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.JudgeByKind;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled package verified as {@code ./gauntlet challenge verify} does it, in Docker. */
@DisplayName("Bundled packages verified in Docker")
class KnownSubmissionsIT {
  private static final PackageVerifier VERIFIER = new PackageVerifier(new JudgeByKind(new Sandbox(DockerFixture.docker())));
  /** sql packages verified at once: each judging seeds its own server and times its two queries side by side. */
  private static final int QUERY_PACKAGES_AT_ONCE = 2;

  /** Programs have wall-clock limits and headroom checks, which a neighbour's load would skew: one at a time. */
  static Stream<ChallengePackage> programPackages() {
    return BundledCatalogTest.packages().filter(p -> p.manifest().kind() != JudgeKind.SQL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programPackages")
  @DisplayName("references pass, known submissions get their verdicts, limits leave headroom")
  void verifies(ChallengePackage pkg) {
    var report = VERIFIER.verify(BundledCatalogTest.CATALOG.resolve(pkg.id()));

    assertThat(report.passed()).as(report.render()).isTrue();
    assertThat(report.warnings()).as(report.render()).isEmpty();
  }

  /**
   * A query's verdict does not hang on the machine's speed: its score is the ratio of runs taken in
   * turns with the reference's in the same server, and its limits are far from both sides' times.
   * So the sql packages are verified side by side, which keeps the suite within its time.
   */
  @Test
  @DisplayName("sql packages: references pass, known queries get their verdicts, limits leave headroom")
  void verifiesQueries() throws InterruptedException, ExecutionException {
    var tasks = BundledCatalogTest.packages().filter(p -> p.manifest().kind() == JudgeKind.SQL)
        .map(p -> (Callable<VerificationReport>) () -> VERIFIER.verify(BundledCatalogTest.CATALOG.resolve(p.id())))
        .toList();
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(3);
    var softly = new SoftAssertions();
    try (var pool = Executors.newFixedThreadPool(QUERY_PACKAGES_AT_ONCE)) {
      for (var verified : pool.invokeAll(tasks)) {
        var report = verified.get();
        softly.assertThat(report.passed()).as(report.render()).isTrue();
        softly.assertThat(report.warnings()).as(report.render()).isEmpty();
      }
    }
    softly.assertAll();
  }

  @AfterAll
  static void noSandboxLeft() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }
}
