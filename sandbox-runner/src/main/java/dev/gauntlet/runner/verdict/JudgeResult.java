package dev.gauntlet.runner.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The verdict of one submission.
 *
 * @param verdict  overall outcome: the first test case that did not pass decides it
 * @param score    points earned out of the package's total
 * @param maxScore the package's total points
 * @param message  build output (or why the statements were refused) on {@code BUILD_ERROR}, the cause on
 *                 {@code JUDGE_ERROR}, why the target was missed on {@code TOO_SLOW}, what changed when a
 *                 query's result changed between runs, what a concurrent class got wrong (the history no
 *                 order explains, the broken check, the stuck threads); else null
 * @param tests       test cases (or scenarios) in the order they ran; with stdio, the ones after the
 *                    first failure did not run
 * @param performance how the latency score came about, when latency was measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeResult(Verdict verdict, int score, int maxScore, String message, List<TestResult> tests,
                          PerformanceReport performance) {
  public JudgeResult {
    tests = List.copyOf(tests);
  }

  /** A result without latency figures. */
  public JudgeResult(Verdict verdict, int score, int maxScore, String message, List<TestResult> tests) {
    this(verdict, score, maxScore, message, tests, null);
  }

  /**
   * As it may leave a runner: hidden test cases without their detail. The reference's query plan
   * stays, for reviewers; the API leaves it out of what a candidate reads.
   */
  public JudgeResult forCandidates() {
    return new JudgeResult(verdict, score, maxScore, message, tests.stream().map(TestResult::forCandidates).toList(),
        performance);
  }

  public static JudgeResult judgeError(String cause, int maxScore) {
    return new JudgeResult(Verdict.JUDGE_ERROR, 0, maxScore, cause, List.of());
  }
}
