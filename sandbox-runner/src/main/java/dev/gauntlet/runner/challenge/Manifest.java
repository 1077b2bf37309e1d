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
 */
public record Manifest(String format, String id, String title, JudgeKind kind, List<String> skills,
                       List<Language> languages, int suggestedMinutes, Limits limits, Scoring scoring,
                       Tolerance compare, Performance performance, ServiceSpec service, LoadPlan load) {
  public static final String FORMAT = "gauntlet/1";
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
    if (kind == JudgeKind.STDIO && scoring.performance() != 0) {
      // Points nobody measures would be handed to every accepted submission.
      throw new IllegalArgumentException("scoring.performance must be 0 for kind stdio, which does not measure latency");
    }
    compare = compare == null ? Tolerance.EXACT : compare;
    if (scoring.performance() > 0 && (performance == null || load == null)) {
      throw new IllegalArgumentException("performance and load are required when scoring.performance is not 0");
    }
    if (kind != JudgeKind.HTTP_SERVICE && (service != null || load != null)) {
      throw new IllegalArgumentException("service and load belong to kind http-service only");
    }
    service = kind == JudgeKind.HTTP_SERVICE && service == null ? ServiceSpec.DEFAULT : service;
  }

  /** A stdio manifest, which has no performance, service or load. */
  public Manifest(String format, String id, String title, JudgeKind kind, List<String> skills,
                  List<Language> languages, int suggestedMinutes, Limits limits, Scoring scoring, Tolerance compare) {
    this(format, id, title, kind, skills, languages, suggestedMinutes, limits, scoring, compare, null, null,
        null);
  }
}
