package dev.gauntlet.platform.similarity;

import java.util.List;

/**
 * Two candidates' answers to one challenge that look alike beyond the starter code.
 *
 * @param similarity the share of their code that matches, in percent
 * @param regions    where: the matching stretches of lines on each side, longest first
 */
public record SimilarPair(String challenge, String language, Side first, Side second, double similarity,
                          List<Region> regions) {
  public SimilarPair {
    regions = List.copyOf(regions);
  }

  /** One candidate of a pair. */
  public record Side(String attemptId, String email, String submissionId) {
  }

  /** A stretch of matching code: lines (1-based, inclusive) of a file on each side. */
  public record Region(String firstFile, int firstFrom, int firstTo, String secondFile, int secondFrom,
                       int secondTo) {
  }
}
