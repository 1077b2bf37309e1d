package dev.gauntlet.runner.challenge;

import static dev.gauntlet.runner.challenge.ManifestChecks.inRange;
import static dev.gauntlet.runner.challenge.ManifestChecks.required;

import dev.gauntlet.probe.LoadPlan;
import dev.gauntlet.runner.language.Language;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code challenge.yaml}: what a package is and how its submissions are judged. It carries no
 * version number: the platform numbers versions as it publishes them, by their content.
 *
 * @param compare     stdio: how output tokens are compared; exact when absent
 * @param performance how latency is scored; required when {@code scoring.performance} is not 0
 * @param service     http-service: where the service listens and how it shows it is ready
 * @param load        http-service: the traffic of one load round; required with performance points
 * @param query       sql: how results are compared and which dataset the query is timed on
 * @param concurrency concurrency: the interface, the class candidates write, and the hidden workload
 */
public record Manifest(String format, String id, String title, JudgeKind kind, List<String> skills,
                       List<Language> languages, int suggestedMinutes, Limits limits, Scoring scoring,
                       Tolerance compare, Performance performance, ServiceSpec service, LoadPlan load,
                       QuerySpec query, ConcurrencySpec concurrency) {
  public static final String FORMAT = "gauntlet/1";
  private static final int MIN_SQL_MEMORY_MB = 512;
  /** Both services of a judging stay up while they are loaded, and the judging holds a runner's one load. */
  private static final int MAX_LOAD_SECONDS = 600;
  private static final double MIN_CONCURRENCY_CPUS = 2;
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Manifest {
    if (!FORMAT.equals(required("format", format))) {
      throw new IllegalArgumentException("format must be " + FORMAT + ", was " + format);
    }
    if (!ID.matcher(required("id", id)).matches() || id.length() > 64) {
      throw new IllegalArgumentException("id must be lower-case words joined by '-' (at most 64 characters), was " + id);
    }
    if (required("title", title).isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    required("kind", kind);
    skills = skills == null ? List.of() : List.copyOf(skills);
    if (required("languages", languages).isEmpty()) {
      throw new IllegalArgumentException("languages must name at least one language");
    }
    languages = List.copyOf(languages);
    inRange("suggested_minutes", suggestedMinutes, 1, 600);
    required("limits", limits);
    required("scoring", scoring);
    checkSql(kind, languages, limits, scoring, performance, query);
    checkConcurrency(kind, languages, limits, scoring, performance, concurrency);
    if (kind == JudgeKind.STDIO && scoring.performance() != 0) {
      // Points nobody measures would be handed to every accepted submission.
      throw new IllegalArgumentException("scoring.performance must be 0 for kind stdio, which does not measure latency");
    }
    compare = compare == null ? Tolerance.EXACT : compare;
    if (kind != JudgeKind.HTTP_SERVICE && (service != null || load != null)) {
      throw new IllegalArgumentException("service and load belong to kind http-service only");
    }
    service = kind == JudgeKind.HTTP_SERVICE && service == null ? ServiceSpec.DEFAULT : service;
    if (kind == JudgeKind.HTTP_SERVICE && scoring.performance() > 0 && (performance == null || load == null)) {
      throw new IllegalArgumentException("performance and load are required when scoring.performance is not 0");
    }
    if (performance != null && load != null) {
      double seconds = 2 * performance.rounds() * load.roundMillis() / 1000.0;
      if (seconds > MAX_LOAD_SECONDS) {
        throw new IllegalArgumentException("the load takes " + Math.round(seconds) + " s (2 × rounds × (warmup_seconds"
            + " + seconds + timeout_ms)), more than " + MAX_LOAD_SECONDS + " s");
      }
    }
    query = kind == JudgeKind.SQL && query == null ? QuerySpec.UNORDERED : query;
  }

  /** SQL is judged by kind sql alone, and kind sql judges nothing else; its latency is the query's time. */
  private static void checkSql(JudgeKind kind, List<Language> languages, Limits limits, Scoring scoring,
                               Performance performance, QuerySpec query) {
    boolean sql = kind == JudgeKind.SQL;
    if (sql != languages.contains(Language.SQL) || (sql && languages.size() > 1)) {
      throw new IllegalArgumentException("languages must be [sql] for kind sql, and sql belongs to kind sql only");
    }
    if (sql && limits.memoryMb() < MIN_SQL_MEMORY_MB) {
      // The databases, the server's shared buffers and its temporary files all live in it.
      throw new IllegalArgumentException("limits.memory_mb must be at least " + MIN_SQL_MEMORY_MB + " for kind sql,"
          + " was " + limits.memoryMb());
    }
    if (!sql && query != null) {
      throw new IllegalArgumentException("query belongs to kind sql only");
    }
    if (performance != null && sql != (performance.metric() == LatencyMetric.QUERY_MS)) {
      throw new IllegalArgumentException("performance.metric must be query_ms for kind sql, and query_ms belongs to"
          + " kind sql only");
    }
    if (sql && scoring.performance() > 0 && (performance == null || query == null || query.timedOn() == null)) {
      throw new IllegalArgumentException("performance and query.timed_on are required when scoring.performance is"
          + " not 0");
    }
  }

  /** Java is judged for concurrency, on at least two CPUs, by the time of its stress runs. */
  private static void checkConcurrency(JudgeKind kind, List<Language> languages, Limits limits, Scoring scoring,
                                       Performance performance, ConcurrencySpec concurrency) {
    boolean concurrent = kind == JudgeKind.CONCURRENCY;
    if (concurrent != (concurrency != null)) {
      throw new IllegalArgumentException(concurrent ? "concurrency is required for kind concurrency"
          : "concurrency belongs to kind concurrency only");
    }
    if (concurrent && !languages.equals(List.of(Language.JAVA))) {
      throw new IllegalArgumentException("languages must be [java] for kind concurrency");
    }
    if (concurrent && limits.cpus() < MIN_CONCURRENCY_CPUS) {
      // On one CPU threads take turns and races hide.
      throw new IllegalArgumentException("limits.cpus must be at least " + (int) MIN_CONCURRENCY_CPUS
          + " for kind concurrency, was " + limits.cpus());
    }
    if (performance != null && concurrent != (performance.metric() == LatencyMetric.STRESS_MS)) {
      throw new IllegalArgumentException("performance.metric must be stress_ms for kind concurrency, and stress_ms"
          + " belongs to kind concurrency only");
    }
    if (concurrent && scoring.performance() > 0 && performance == null) {
      throw new IllegalArgumentException("performance is required when scoring.performance is not 0");
    }
  }

  /**
   * The same manifest with no performance points, so that no judge measures latency for it. A
   * package of performance points alone keeps one correctness point: a scoring may not total 0.
   */
  public Manifest withoutPerformancePoints() {
    return new Manifest(format, id, title, kind, skills, languages, suggestedMinutes, limits,
        new Scoring(Math.max(1, scoring.correctness()), 0), compare, performance, service, load, query, concurrency);
  }

  /**
   * The file every submission in {@code language} must hold: the language's entry file, or for kind
   * concurrency the class candidates write.
   */
  public String entryFile(Language language) {
    return kind == JudgeKind.CONCURRENCY ? concurrency.implementation() + ".java" : language.entryFile();
  }

  /** A stdio manifest, which has no performance, service or load. */
  public Manifest(String format, String id, String title, JudgeKind kind, List<String> skills,
                  List<Language> languages, int suggestedMinutes, Limits limits, Scoring scoring, Tolerance compare) {
    this(format, id, title, kind, skills, languages, suggestedMinutes, limits, scoring, compare, null, null,
        null, null, null);
  }
}
