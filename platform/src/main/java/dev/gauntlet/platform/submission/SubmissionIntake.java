package dev.gauntlet.platform.submission;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.jobs.JobDispatcher;
import dev.gauntlet.platform.submission.SubmissionRepository.AttemptLoad;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores a checked submission and queues it, or turns it away when too many wait. Blocking. */
public final class SubmissionIntake {
  private static final Logger log = LoggerFactory.getLogger(SubmissionIntake.class);
  /** Roughly how long a runner takes to clear a few submissions. */
  private static final int QUEUE_FULL_RETRY_SECONDS = 10;

  private final SubmissionRepository submissions;
  private final JobDispatcher dispatcher;
  private final int maxQueue;

  public SubmissionIntake(SubmissionRepository submissions, JobDispatcher dispatcher, int maxQueue) {
    this.submissions = submissions;
    this.dispatcher = dispatcher;
    this.maxQueue = maxQueue;
  }

  /** Takes a submission made outside any assessment. */
  public StoredSubmission take(StoredSubmission submission) {
    checkQueue();
    submissions.insert(submission);
    return dispatch(submission);
  }

  /** Takes an attempt's submission if its rate limit, checked on what the attempt has in flight, lets it. */
  public StoredSubmission take(StoredSubmission submission, Instant since, Consumer<AttemptLoad> limit) {
    checkQueue();
    submissions.insert(submission, since, limit);
    return dispatch(submission);
  }

  // Back-pressure instead of an unbounded queue; concurrent requests may pass the check together,
  // which overshoots the bound by at most the number of requests in flight.
  private void checkQueue() {
    if (submissions.countUnfinished() >= maxQueue) {
      throw new ProblemException(ProblemType.QUEUE_FULL, maxQueue + " submissions are already waiting; try again later",
          QUEUE_FULL_RETRY_SECONDS);
    }
  }

  /** Stored first: if queueing fails, the lease reaper finds it in no queue and queues it. */
  private StoredSubmission dispatch(StoredSubmission submission) {
    try {
      if (!dispatcher.dispatch(submission)) {
        log.error("submission {} stored but its challenge version's content is not kept; the next sweep ends it",
            submission.id());
      }
    } catch (RuntimeException e) {
      log.error("submission {} stored but not queued; the next sweep queues it", submission.id(), e);
    }
    return submission;
  }
}
