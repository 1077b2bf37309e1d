package dev.gauntlet.platform.assessment;

import java.util.List;

/**
 * The body of {@code POST /api/v1/assessments}.
 *
 * @param challenges       challenge ids from the catalog, each pinned to its newest published version
 * @param timeLimitMinutes the candidate's clock, from opening the link
 * @param languages        language ids candidates may use; all of each challenge's when left out
 * @param scoring          best or last (the default: best)
 */
public record NewAssessment(String name, List<String> challenges, Integer timeLimitMinutes, List<String> languages,
                            String scoring) {
}
