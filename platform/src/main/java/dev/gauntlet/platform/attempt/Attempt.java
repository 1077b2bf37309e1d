package dev.gauntlet.platform.attempt;

import java.time.Instant;

/**
 * One invited candidate's go at an assessment.
 *
 * @param linkGeneration raised by each new link, which ends the sessions opened with older ones
 * @param linkExpiresAt  after this an unopened link no longer starts the attempt
 * @param startedAt      when the link was first opened; null before
 * @param deadline       when the clock runs out; null before the start
 * @param finishedAt     when the candidate said they were done; null otherwise
 */
public record Attempt(String id, String assessmentId, String email, int linkGeneration, Instant invitedAt,
                      Instant linkExpiresAt, Instant startedAt, Instant deadline, Instant finishedAt) {
  public AttemptStatus status(Instant now) {
    if (finishedAt != null) {
      return AttemptStatus.SUBMITTED;
    }
    if (startedAt == null) {
      return now.isBefore(linkExpiresAt) ? AttemptStatus.INVITED : AttemptStatus.EXPIRED;
    }
    return now.isBefore(deadline) ? AttemptStatus.STARTED : AttemptStatus.EXPIRED;
  }
}
