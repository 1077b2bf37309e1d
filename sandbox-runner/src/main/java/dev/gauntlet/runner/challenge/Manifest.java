package dev.gauntlet.runner.challenge;

import static dev.gauntlet.runner.challenge.ManifestChecks.inRange;
import static dev.gauntlet.runner.challenge.ManifestChecks.required;

import dev.gauntlet.runner.language.Language;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code challenge.yaml}: what a package is and how its submissions are judged.
 *
 * @param compare how output tokens are compared; exact when absent
 */
public record Manifest(String format, String id, int version, String title, JudgeKind kind, List<String> skills,
                       List<Language> languages, int suggestedMinutes, Limits limits, Scoring scoring,
                       Tolerance compare) {
  public static final String FORMAT = "gauntlet/1";
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Manifest {
    if (!FORMAT.equals(required("format", format))) {
      throw new IllegalArgumentException("format must be " + FORMAT + ", was " + format);
    }
    if (!ID.matcher(required("id", id)).matches() || id.length() > 64) {
      throw new IllegalArgumentException("id must be lower-case words joined by '-' (at most 64 characters), was " + id);
    }
    inRange("version", version, 1, Integer.MAX_VALUE);
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
  }
}
