package dev.gauntlet.platform.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.util.List;
import java.util.Map;

/**
 * A submission as the API shows it. Everyone sees full detail for public tests, for hidden ones
 * only whether they passed and what they used (the runner reports no more), and the latency
 * figures in full, for they reveal no test. Only a reviewer of an assessment also sees the
 * reference's query plan, which would show a candidate how the reference does it, and the code.
 *
 * @param run   a run on the public tests, which counts for nothing
 * @param files the code, for a submission read under its attempt; else left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(String id, String challenge, int challengeVersion, String language,
                             SubmissionStatus status, Verdict verdict, Integer score, Integer maxScore,
                             String message, List<TestResult> tests, PerformanceReport performance,
                             String createdAt, String judgedAt, boolean run, Map<String, String> files) {
  /** As a candidate sees it, without the code. */
  static SubmissionView of(StoredSubmission s) {
    return of(s, false, false);
  }

  /**
   * @param reviewer whether a reviewer reads it, who also sees the reference's query plan
   * @param withCode whether to show the code
   */
  public static SubmissionView of(StoredSubmission s, boolean reviewer, boolean withCode) {
    JudgeResult r = s.result() == null || reviewer ? s.result() : s.result().forCandidates();
    PerformanceReport performance = r == null || r.performance() == null ? null
        : reviewer ? r.performance() : r.performance().forCandidates();
    return new SubmissionView(s.id(), s.challengeId(), s.challengeVersion(), s.language().id(), s.status(),
        r == null ? null : r.verdict(), r == null ? null : r.score(), r == null ? null : r.maxScore(),
        r == null ? null : r.message(), r == null ? List.of() : r.tests(), performance, s.createdAt().toString(),
        s.judgedAt() == null ? null : s.judgedAt().toString(), s.run(), withCode ? s.files() : null);
  }
}
