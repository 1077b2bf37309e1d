package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.language.Language;
import java.util.Map;

/** What a candidate handed in: source files by relative path, in one language. */
public record Submission(Language language, Map<String, String> files) {
  public Submission {
    files = Map.copyOf(files);
  }
}
