package dev.gauntlet.platform.attempt;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.runner.verdict.Verdict;

/**
 * What one challenge of an attempt scores: the submission that counts under the assessment's rule.
 *
 * @param submissionId     the counted submission; null while none is judged
 * @param submissions      how many the candidate made
 * @param pending          whether some still wait for a verdict, so the score may change
 * @param performanceRatio the counted submission's latency over the reference's, where measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChallengeScore(String challenge, int version, String title, int score, int maxScore, Verdict verdict,
                             String submissionId, int submissions, boolean pending, Double performanceRatio) {
}
