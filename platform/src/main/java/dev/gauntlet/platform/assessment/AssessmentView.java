package dev.gauntlet.platform.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.runner.language.Language;
import java.util.List;

/**
 * An assessment as its managers see it.
 *
 * @param candidates everyone invited, highest score first; left out of a listing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentView(String id, String name, int timeLimitMinutes, List<String> languages, String scoring,
                             List<PinnedChallenge> challenges, String createdAt, List<CandidateRow> candidates) {
  public static AssessmentView of(Assessment a, List<CandidateRow> candidates) {
    return new AssessmentView(a.id(), a.name(), (int) a.timeLimit().toMinutes(),
        a.languages().stream().map(Language::id).toList(), a.scoring().id(), a.challenges(), a.createdAt().toString(),
        candidates);
  }
}
