package dev.gauntlet.platform.attempt;

import java.time.Instant;
import java.util.Map;

/** A candidate's work in progress on one challenge of an attempt, as last saved. */
public record Draft(String challenge, String language, Map<String, String> files, Instant savedAt) {
  public Draft {
    files = Map.copyOf(files);
  }
}
