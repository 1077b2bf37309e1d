package dev.gauntlet.runner.challenge;

import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.Verdict;
import java.util.Map;

/** A solution the author wrote with the verdict it must get, from {@code submissions/<verdict>/<name>/}. */
public record KnownSubmission(String name, Verdict expected, Language language, Map<String, String> files) {
  public KnownSubmission {
    files = Map.copyOf(files);
  }
}
