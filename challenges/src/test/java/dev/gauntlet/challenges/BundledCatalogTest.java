package dev.gauntlet.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.ConcurrencySpec;
import dev.gauntlet.runner.challenge.Dataset;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.ScenarioFile;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.verdict.Verdict;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The bundled catalog")
class BundledCatalogTest {
  /** Maven runs the tests in this module's folder, which is the catalog. */
  static final Path CATALOG = Path.of("").toAbsolutePath();

  static Stream<ChallengePackage> packages() {
    return Catalog.load(CATALOG).all().stream();
  }

  @Test
  @DisplayName("loads, every package valid")
  void loads() {
    assertThat(packages()).extracting(ChallengePackage::id)
        .contains("latency-percentiles", "merge-event-streams", "short-links", "stock-reservations",
            "top-orders-per-region", "customer-revenue-report", "feed-next-page");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  @DisplayName("gives a candidate's run the public tests alone, and no latency to measure")
  void run(ChallengePackage pkg) {
    var run = pkg.forRun();

    assertThat(run.manifest().scoring().performance()).isZero();
    assertThat(run.tests()).extracting(t -> t.visibility()).doesNotContain(Visibility.HIDDEN)
        .hasSameSizeAs(pkg.tests(Visibility.PUBLIC));
    assertThat(run.scenarios()).extracting(ScenarioFile::visibility).doesNotContain(Visibility.HIDDEN)
        .hasSize((int) pkg.scenarios().stream().filter(f -> f.visibility() == Visibility.PUBLIC).count());
    if (pkg.database() != null) {
      assertThat(run.database().datasets()).extracting(Dataset::visibility).doesNotContain(Visibility.HIDDEN)
          .hasSize((int) pkg.database().datasets().stream().filter(d -> d.visibility() == Visibility.PUBLIC).count());
    }
    // A concurrency package's workload is hidden whole: there is nothing public to run.
    assertThat(pkg.hasPublicTests()).isEqualTo(pkg.manifest().kind() != JudgeKind.CONCURRENCY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  @DisplayName("gives every package starters and references in each language, public and hidden tests")
  void complete(ChallengePackage pkg) {
    assertThat(pkg.starters().keySet()).containsExactlyInAnyOrderElementsOf(pkg.manifest().languages());
    assertThat(pkg.references().keySet()).containsExactlyInAnyOrderElementsOf(pkg.manifest().languages());
    switch (pkg.manifest().kind()) {
      case HTTP_SERVICE -> {
        assertThat(pkg.scenarios()).extracting(ScenarioFile::visibility).contains(Visibility.PUBLIC, Visibility.HIDDEN);
        assertThat(pkg.statement()).contains("port " + pkg.manifest().service().port(), "## Errors", "## Scoring");
      }
      case SQL -> {
        assertThat(pkg.database().datasets()).extracting(Dataset::visibility).contains(Visibility.PUBLIC, Visibility.HIDDEN);
        assertThat(pkg.statement()).contains("## Tables", "## What to return", "## Scoring");
      }
      case STDIO -> {
        assertThat(pkg.tests(Visibility.PUBLIC)).isNotEmpty();
        assertThat(pkg.tests(Visibility.HIDDEN)).isNotEmpty();
        assertThat(pkg.statement()).contains("## Input", "## Output");
      }
      case CONCURRENCY -> {
        assertThat(pkg.workload()).containsKey(ConcurrencySpec.sourcePath(pkg.manifest().concurrency().workload()));
        assertThat(pkg.statement()).contains("## How it is judged", pkg.manifest().concurrency().implementation());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  @DisplayName("has known submissions that must be wrong and too slow (and accepted ones but for http-service)")
  void knownSubmissions(ChallengePackage pkg) {
    var expected = switch (pkg.manifest().kind()) {
      case HTTP_SERVICE -> new Verdict[] {Verdict.WRONG_ANSWER, Verdict.TOO_SLOW};
      case SQL -> new Verdict[] {Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TOO_SLOW};
      case STDIO -> new Verdict[] {Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT};
      case CONCURRENCY -> new Verdict[] {Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TOO_SLOW};
    };
    assertThat(pkg.submissions()).extracting(s -> s.expected()).contains(expected);
  }
}
