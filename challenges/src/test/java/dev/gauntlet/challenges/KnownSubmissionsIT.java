package dev.gauntlet.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.authoring.PackageVerifier;
import dev.gauntlet.runner.authoring.VerificationReport;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.JudgeByKind;
import java.util.ArrayList;
import java.util.List;
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
  private static final int PACKAGES_AT_ONCE = 2;

  /**
   * A service must hold its load with at most 1% of requests failing, which a neighbour's load
   * could break: these packages are verified one at a time, with the machine to themselves.
   */
  static Stream<ChallengePackage> servicePackages() {
    return BundledCatalogTest.packages().filter(p -> p.manifest().kind() == JudgeKind.HTTP_SERVICE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servicePackages")
  @DisplayName("http-service packages: references hold the load, known submissions get their verdicts")
  void verifiesServices(ChallengePackage pkg) {
    var report = VERIFIER.verify(BundledCatalogTest.CATALOG.resolve(pkg.id()));

    assertThat(report.passed()).as(report.render()).isTrue();
    assertThat(report.warnings()).as(report.render()).isEmpty();
  }

  /**
   * The other kinds' verdicts do not hang on the machine being quiet: a stdio program's limits sit
   * several times above the references' times and far below the naive solutions', a query's
   * score is the ratio of runs taken in turns with the reference's in the same server, and a
   * concurrent class's stress runs mostly wait on their slow dependency. So they are
   * verified two at a time, which keeps the suite within its time.
   */
  @Test
  @DisplayName("stdio, sql and concurrency packages: references pass, known submissions get their verdicts, limits"
      + " leave headroom")
  void verifiesProgramsAndQueries() throws InterruptedException, ExecutionException {
    var tasks = interleaved(BundledCatalogTest.packages().filter(p -> p.manifest().kind() != JudgeKind.HTTP_SERVICE)
        .toList()).stream()
        .map(p -> (Callable<VerificationReport>) () -> VERIFIER.verify(BundledCatalogTest.CATALOG.resolve(p.id())))
        .toList();
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(5);
    var softly = new SoftAssertions();
    try (var pool = Executors.newFixedThreadPool(PACKAGES_AT_ONCE)) {
      for (var verified : pool.invokeAll(tasks)) {
        var report = verified.get();
        softly.assertThat(report.passed()).as(report.render()).isTrue();
        softly.assertThat(report.warnings()).as(report.render()).isEmpty();
      }
    }
    softly.assertAll();
  }

  /**
   * The packages in the order the pool takes them: sql and concurrency in turn, the stdio ones last.
   * A sql package keeps the CPUs busy seeding and querying; a concurrency package's stress runs
   * mostly wait on their slow dependency, so the two go well side by side. (Three at a time saved
   * 7 s and starved a one-lock class past its deadline.)
   */
  private static List<ChallengePackage> interleaved(List<ChallengePackage> packages) {
    var queries = ofKind(packages, JudgeKind.SQL);
    var classes = ofKind(packages, JudgeKind.CONCURRENCY);
    var order = new ArrayList<ChallengePackage>();
    for (int i = 0; i < Math.max(queries.size(), classes.size()); i++) {
      order.addAll(queries.subList(Math.min(i, queries.size()), Math.min(i + 1, queries.size())));
      order.addAll(classes.subList(Math.min(i, classes.size()), Math.min(i + 1, classes.size())));
    }
    order.addAll(ofKind(packages, JudgeKind.STDIO));
    return order;
  }

  private static List<ChallengePackage> ofKind(List<ChallengePackage> packages, JudgeKind kind) {
    return packages.stream().filter(p -> p.manifest().kind() == kind).toList();
  }

  @AfterAll
  static void noSandboxLeft() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }
}
