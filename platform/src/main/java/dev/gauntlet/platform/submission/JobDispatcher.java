package dev.gauntlet.platform.submission;

import dev.gauntlet.runner.job.JobTable;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts stored submissions into the cluster's job table and wakes idle runners. Blocking. */
public final class JobDispatcher {
  private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

  private final JobTable jobs;
  private final EventBus eventBus;
  private final Clock clock;

  public JobDispatcher(JobTable jobs, EventBus eventBus, Clock clock) {
    this.jobs = jobs;
    this.eventBus = eventBus;
    this.clock = clock;
  }

  public void dispatch(StoredSubmission submission) {
    if (jobs.enqueue(submission.job(), clock.millis())) {
      eventBus.publish(JobTable.JOBS_QUEUED_ADDRESS, submission.id());
    }
  }

  /** Queues again what the database holds as unfinished: after a restart, nothing waits forever. */
  public void requeue(SubmissionRepository submissions) {
    var unfinished = submissions.unfinished();
    unfinished.forEach(this::dispatch);
    if (!unfinished.isEmpty()) {
      log.info("queued {} unfinished submission(s) again", unfinished.size());
    }
  }
}
