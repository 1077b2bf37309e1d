package dev.gauntlet.runner.verdict;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The outcome of judging a submission, or one of its test cases. */
public enum Verdict {
  ACCEPTED,
  WRONG_ANSWER,
  /** Correct, but outside the latency target; still scored. */
  TOO_SLOW,
  TIME_LIMIT,
  MEMORY_LIMIT,
  OUTPUT_LIMIT,
  RUNTIME_ERROR,
  BUILD_ERROR,
  /** Gauntlet's own failure: retried, never charged to the candidate. */
  JUDGE_ERROR;

  /** The name of a package's {@code submissions/<folder>/}, e.g. {@code wrong_answer}. */
  public String folderName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Verdict> byFolderName(String folder) {
    return Arrays.stream(values()).filter(v -> v.folderName().equals(folder)).findFirst();
  }
}
