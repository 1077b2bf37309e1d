package dev.gauntlet.platform.similarity;

import java.util.Map;

/** The submission that counts for one candidate on one challenge, as compared with the others'. */
public record Answer(String attemptId, String email, String submissionId, Map<String, String> files) {
  public Answer {
    files = Map.copyOf(files);
  }
}
