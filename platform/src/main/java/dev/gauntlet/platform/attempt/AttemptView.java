package dev.gauntlet.platform.attempt;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.runner.language.Language;
import java.time.Instant;
import java.util.List;

/**
 * An attempt as the API shows it, to its candidate and to its reviewers alike: what to solve,
 * the clock, and the score so far.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(String id, String assessmentId, String assessmentName, String email, AttemptStatus status,
                          int timeLimitMinutes, List<String> languages, String scoring, String invitedAt,
                          String startedAt, String deadline, String finishedAt, AttemptScore score) {
  public static AttemptView of(Attempt a, Assessment assessment, AttemptScore score, Instant now) {
    return new AttemptView(a.id(), assessment.id(), assessment.name(), a.email(), a.status(now),
        (int) assessment.timeLimit().toMinutes(), assessment.languages().stream().map(Language::id).toList(),
        assessment.scoring().id(), a.invitedAt().toString(), text(a.startedAt()), text(a.deadline()),
        text(a.finishedAt()), score);
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
