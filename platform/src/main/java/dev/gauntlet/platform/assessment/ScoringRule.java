package dev.gauntlet.platform.assessment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which judged submission of a challenge counts for an attempt. */
public enum ScoringRule {
  /** The highest score; of equal scores, the earlier submission. */
  BEST,
  /** The submission made last, once judged: the candidate's final answer. */
  LAST;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ScoringRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
  }
}
