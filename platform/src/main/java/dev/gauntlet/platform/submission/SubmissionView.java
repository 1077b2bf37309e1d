package dev.gauntlet.platform.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.util.List;

/**
 * A submission as the API shows it: full detail for public tests, for hidden ones only whether
 * they passed and what they used; the latency figures in full, for they reveal no test, but no
 * query plan of the reference's, which would show how the reference does it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(String id, String challenge, int challengeVersion, String language,
                             SubmissionStatus status, Verdict verdict, Integer score, Integer maxScore,
                             String message, List<TestResult> tests, PerformanceReport performance,
                             String createdAt, String judgedAt) {
  static SubmissionView of(StoredSubmission s) {
    JudgeResult r = s.result();
    return new SubmissionView(s.id(), s.challengeId(), s.challengeVersion(), s.language().id(), s.status(),
        r == null ? null : r.verdict(), r == null ? null : r.score(), r == null ? null : r.maxScore(),
        r == null ? null : r.message(), r == null ? List.of() : r.tests().stream().map(TestResult::forCandidates).toList(),
        r == null || r.performance() == null ? null : r.performance().forCandidates(), s.createdAt().toString(),
        s.judgedAt() == null ? null : s.judgedAt().toString());
  }
}
