package dev.gauntlet.platform.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One invited candidate in an assessment's ranking. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateRow(String attemptId, String email, String status, int score, int maxScore, String invitedAt,
                           String startedAt, String finishedAt) {
}
