package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.submission.SubmissionRepository.AttemptLoad;
import java.time.Duration;

/**
 * How fast one attempt may submit: a few submissions per minute, and only a couple waiting for a
 * verdict at once, so that one candidate cannot fill the assessment's queue. Counted in the
 * database, so the limit holds across every platform process.
 *
 * @param perWindow  submissions accepted within {@link #WINDOW}
 * @param unfinished submissions that may wait for a verdict at once
 */
public record SubmissionRateLimit(int perWindow, int unfinished) {
  public static final Duration WINDOW = Duration.ofMinutes(1);
  public static final SubmissionRateLimit DEFAULT = new SubmissionRateLimit(6, 2);

  void check(AttemptLoad load) {
    if (load.unfinished() >= unfinished) {
      throw new ProblemException(ProblemType.RATE_LIMITED, load.unfinished() + " of this attempt's submissions still"
          + " wait for a verdict; submit again once one is judged", 5);
    }
    if (load.recent() >= perWindow) {
      throw new ProblemException(ProblemType.RATE_LIMITED, "this attempt made " + load.recent() + " submissions in the"
          + " last minute, the most allowed; try again shortly", (int) WINDOW.toSeconds());
    }
  }
}
