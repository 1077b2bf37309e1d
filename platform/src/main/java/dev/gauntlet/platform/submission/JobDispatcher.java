package dev.gauntlet.platform.submission;

import dev.gauntlet.runner.distribution.PackageIndex;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts stored submissions into the cluster's job table, each naming the archive of its challenge
 * version, and wakes idle runners. Blocking.
 */
public final class JobDispatcher {
  private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

  private final JobTable jobs;
  private final PackageIndex packages;
  private final EventBus eventBus;
  private final Clock clock;

  public JobDispatcher(JobTable jobs, PackageIndex packages, EventBus eventBus, Clock clock) {
    this.jobs = jobs;
    this.packages = packages;
    this.eventBus = eventBus;
    this.clock = clock;
  }

  /** Queues a submission; false, and nothing queued, when this platform serves no package for its challenge version. */
  public boolean dispatch(StoredSubmission submission) {
    var hash = packages.hashFor(submission.challengeId(), submission.challengeVersion());
    if (hash.isEmpty()) {
      return false;
    }
    if (jobs.enqueue(submission.job(hash.get()), jobs.now())) {
      eventBus.publish(JobTable.JOBS_QUEUED_ADDRESS, submission.id());
    }
    return true;
  }

  /**
   * Queues what the database holds as unfinished but the job table does not hold: after a restart,
   * or when queueing failed, nothing waits forever. The table is read before the database, and a
   * verdict is stored before its job leaves the table, so a judged submission is queued again only
   * in the moment between reading it and queueing it, which costs a second judging and changes no
   * verdict (a verdict is stored once). A submission for a challenge version no longer served ends
   * {@code JUDGE_ERROR}.
   */
  public void queueStranded(SubmissionRepository submissions) {
    var inTable = jobs.ids();
    int queued = 0;
    for (String id : submissions.unfinishedIds()) {
      if (inTable.contains(id)) {
        continue;
      }
      var stranded = submissions.find(id).filter(s -> s.status() != SubmissionStatus.JUDGED);
      if (stranded.isEmpty()) {
        continue;
      }
      var submission = stranded.get();
      if (dispatch(submission)) {
        queued++;
      } else if (submissions.recordVerdict(id, JudgeResult.judgeError("challenge " + submission.challengeId()
          + " version " + submission.challengeVersion() + " is no longer served; this submission is not charged", 0),
          clock.instant())) {
        eventBus.publish(SubmissionEvents.JUDGED_ADDRESS, id);
      }
    }
    if (queued > 0) {
      log.info("queued {} unfinished submission(s) that were in no queue", queued);
    }
  }
}
