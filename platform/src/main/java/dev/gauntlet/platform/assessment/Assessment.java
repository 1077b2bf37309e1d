package dev.gauntlet.platform.assessment;

import dev.gauntlet.runner.language.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A set of pinned challenges that invited candidates solve against one clock.
 *
 * @param languages the languages candidates may use, where a challenge takes them
 * @param createdBy the staff account that made it
 */
public record Assessment(String id, String organisationId, String name, Duration timeLimit, List<Language> languages,
                         ScoringRule scoring, String createdBy, Instant createdAt, List<PinnedChallenge> challenges) {
  public Assessment {
    languages = List.copyOf(languages);
    challenges = List.copyOf(challenges);
  }

  public Optional<PinnedChallenge> challenge(String challengeId) {
    return challenges.stream().filter(c -> c.challengeId().equals(challengeId)).findFirst();
  }

  /**
   * Its candidates' submissions are judged from a queue of its own, so that one assessment's rush
   * takes turns with everyone else's work instead of going before it.
   */
  public String queue() {
    return "assessment-" + id;
  }

}
