package dev.gauntlet.platform.challenge;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.challenge.Performance;
import dev.gauntlet.runner.challenge.Visibility;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/challenges/{id}}: what a candidate may see. Built only from the statement,
 * starters, public tests and public scenarios, so hidden ones and references cannot leak through it.
 *
 * @param statement       the statement's Markdown
 * @param statementHtml   the same as HTML that is safe to insert in a page: raw HTML in the Markdown escaped
 * @param performance     how latency is scored, for the challenges that score it; else null
 * @param runnable        whether it has public tests, which a candidate's run judges
 * @param starters        per language id, the starter files by path
 * @param publicTests     stdio: the public test cases in full
 * @param publicScenarios http-service: the public scenarios, as their files read
 */
public record ChallengeDetail(@JsonUnwrapped ChallengeSummary summary, String statement, String statementHtml,
                              Limits limits, Performance performance, boolean runnable,
                              Map<String, Map<String, String>> starters, List<PublicTest> publicTests,
                              List<PublicScenario> publicScenarios) {
  /** A public test in full. */
  public record PublicTest(String name, String input, String answer) {
  }

  /** A public scenario, in the package's YAML format. */
  public record PublicScenario(String name, String yaml) {
  }

  public static ChallengeDetail of(ChallengeCatalog.Served served) {
    ChallengePackage pkg = served.pkg();
    var starters = new TreeMap<String, Map<String, String>>();
    pkg.starters().forEach((language, files) -> starters.put(language.id(), files));
    var tests = pkg.tests(Visibility.PUBLIC).stream()
        .map(t -> new PublicTest(t.name(), new String(t.input(), StandardCharsets.UTF_8),
            new String(t.answer(), StandardCharsets.UTF_8)))
        .toList();
    var scenarios = pkg.scenarios().stream().filter(s -> s.visibility() == Visibility.PUBLIC)
        .map(s -> new PublicScenario(s.name(), s.source()))
        .toList();
    return new ChallengeDetail(ChallengeSummary.of(served), pkg.statement(), StatementHtml.of(pkg.statement()),
        pkg.manifest().limits(), pkg.manifest().scoring().performance() > 0 ? pkg.manifest().performance() : null,
        pkg.hasPublicTests(), starters, tests, scenarios);
  }
}
