package dev.gauntlet.runner.challenge;

import dev.gauntlet.runner.language.Language;
import java.util.List;
import java.util.Map;

/**
 * A loaded, checked challenge package. Everything is in memory: packages are small, and a runner
 * must not read an author's folder again while it judges.
 *
 * @param starters   per language, the files the editor opens with
 * @param tests      stdio: public test cases first, then hidden ones, each in name order
 * @param references per language, the author's solution
 * @param scenarios  http-service: public scenarios first, then hidden ones, each in name order
 * @param database   sql: the datasets the query is judged on; null for other kinds
 * @param workload   concurrency: the hidden workload's Java sources under {@code tests/java}, by path
 */
public record ChallengePackage(Manifest manifest, String statement, Map<Language, Map<String, String>> starters,
                               List<TestCase> tests, Map<Language, Map<String, String>> references,
                               List<KnownSubmission> submissions, List<ScenarioFile> scenarios,
                               SqlDatabase database, Map<String, String> workload) {
  public ChallengePackage {
    starters = Map.copyOf(starters);
    tests = List.copyOf(tests);
    references = Map.copyOf(references);
    submissions = List.copyOf(submissions);
    scenarios = List.copyOf(scenarios);
    workload = Map.copyOf(workload);
  }

  /** A package without datasets or a workload: stdio or http-service. */
  public ChallengePackage(Manifest manifest, String statement, Map<Language, Map<String, String>> starters,
                          List<TestCase> tests, Map<Language, Map<String, String>> references,
                          List<KnownSubmission> submissions, List<ScenarioFile> scenarios) {
    this(manifest, statement, starters, tests, references, submissions, scenarios, null, Map.of());
  }

  /** A stdio package, which has test cases and no scenarios. */
  public ChallengePackage(Manifest manifest, String statement, Map<Language, Map<String, String>> starters,
                          List<TestCase> tests, Map<Language, Map<String, String>> references,
                          List<KnownSubmission> submissions) {
    this(manifest, statement, starters, tests, references, submissions, List.of());
  }

  public String id() {
    return manifest.id();
  }

  public List<TestCase> tests(Visibility visibility) {
    return tests.stream().filter(t -> t.visibility() == visibility).toList();
  }

  /** Whether there is anything a run can judge: public tests, scenarios or datasets. */
  public boolean hasPublicTests() {
    return tests.stream().anyMatch(t -> t.visibility() == Visibility.PUBLIC)
        || scenarios.stream().anyMatch(s -> s.visibility() == Visibility.PUBLIC)
        || (database != null && database.datasets().stream().anyMatch(d -> d.visibility() == Visibility.PUBLIC));
  }

  /**
   * The package as a candidate's "Run" judges it: the public tests, scenarios and datasets alone,
   * with no latency measured, so that it is quick and shows nothing hidden. Nothing of it counts.
   */
  public ChallengePackage forRun() {
    return new ChallengePackage(manifest.withoutPerformancePoints(), statement, starters,
        tests(Visibility.PUBLIC), references, submissions,
        scenarios.stream().filter(s -> s.visibility() == Visibility.PUBLIC).toList(),
        database == null ? null : new SqlDatabase(database.shared(), database.datasets().stream()
            .filter(d -> d.visibility() == Visibility.PUBLIC).toList()),
        workload);
  }
}
