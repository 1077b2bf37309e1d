package dev.gauntlet.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
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
        .contains("latency-percentiles", "merge-event-streams", "short-links", "stock-reservations");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  @DisplayName("gives every package starters and references in each language, public and hidden tests")
  void complete(ChallengePackage pkg) {
    assertThat(pkg.starters().keySet()).containsExactlyInAnyOrderElementsOf(pkg.manifest().languages());
    assertThat(pkg.references().keySet()).containsExactlyInAnyOrderElementsOf(pkg.manifest().languages());
    if (pkg.manifest().kind() == JudgeKind.HTTP_SERVICE) {
      assertThat(pkg.scenarios()).extracting(ScenarioFile::visibility).contains(Visibility.PUBLIC, Visibility.HIDDEN);
      assertThat(pkg.statement()).contains("port " + pkg.manifest().service().port(), "## Errors", "## Scoring");
    } else {
      assertThat(pkg.tests(Visibility.PUBLIC)).isNotEmpty();
      assertThat(pkg.tests(Visibility.HIDDEN)).isNotEmpty();
      assertThat(pkg.statement()).contains("## Input", "## Output");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  @DisplayName("has known submissions that must be wrong and too slow (and accepted ones for stdio)")
  void knownSubmissions(ChallengePackage pkg) {
    var expected = pkg.manifest().kind() == JudgeKind.HTTP_SERVICE
        ? new Verdict[] {Verdict.WRONG_ANSWER, Verdict.TOO_SLOW}
        : new Verdict[] {Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT};
    assertThat(pkg.submissions()).extracting(s -> s.expected()).contains(expected);
  }
}
