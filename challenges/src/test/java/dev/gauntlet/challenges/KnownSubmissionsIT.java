package dev.gauntlet.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.authoring.PackageVerifier;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.JudgeByKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled package verified as {@code ./gauntlet challenge verify} does it, in Docker. */
@DisplayName("Bundled packages verified in Docker")
class KnownSubmissionsIT {
  private static final PackageVerifier VERIFIER = new PackageVerifier(new JudgeByKind(new Sandbox(DockerFixture.docker())));

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gauntlet.challenges.BundledCatalogTest#packages")
  @DisplayName("references pass, known submissions get their verdicts, limits leave headroom")
  void verifies(ChallengePackage pkg) {
    var report = VERIFIER.verify(BundledCatalogTest.CATALOG.resolve(pkg.id()));

    assertThat(report.passed()).as(report.render()).isTrue();
    assertThat(report.warnings()).as(report.render()).isEmpty();
  }

  @AfterAll
  static void noSandboxLeft() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }
}
