package dev.gauntlet.runner.job;

import dev.gauntlet.runner.verdict.TestResult;

/** One test case judged, published while the rest still run. */
public record ProgressEvent(String submissionId, TestResult test, int done, int total) {
  public static final String ADDRESS = "gauntlet.progress";
}
