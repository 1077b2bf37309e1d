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

  /**
   * Queues what the database holds as unfinished but the job table does not hold: after a restart,
   * or when queueing failed, nothing waits forever. The table is read before the database, and a
   * verdict is stored before its job leaves the table, so a judged submission is never queued again.
   */
  public void queueStranded(SubmissionRepository submissions) {
    var inTable = jobs.ids();
    int queued = 0;
    for (String id : submissions.unfinishedIds()) {
      if (!inTable.contains(id)) {
        var stranded = submissions.find(id).filter(s -> s.status() != SubmissionStatus.JUDGED);
        stranded.ifPresent(this::dispatch);
        queued += stranded.isPresent() ? 1 : 0;
      }
    }
    if (queued > 0) {
      log.info("queued {} unfinished submission(s) that were in no queue", queued);
    }
  }
}
