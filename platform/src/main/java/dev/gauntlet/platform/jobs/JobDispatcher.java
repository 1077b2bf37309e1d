package dev.gauntlet.platform.jobs;

import dev.gauntlet.platform.challenge.ChallengeVersion;
import dev.gauntlet.platform.challenge.ChallengeVersions;
import dev.gauntlet.platform.submission.StoredSubmission;
import dev.gauntlet.platform.submission.SubmissionEvents;
import dev.gauntlet.platform.submission.SubmissionRepository;
import dev.gauntlet.platform.submission.SubmissionStatus;
import dev.gauntlet.runner.distribution.PackageStore;
import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts work into the cluster's job table: stored submissions, each naming the archive of the
 * challenge version it is pinned to, and uploaded versions to verify. The archive is put in the
 * cluster first, so a runner finds it. Wakes idle runners. Blocking.
 */
public final class JobDispatcher {
  private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);

  private final JobTable jobs;
  private final ChallengeVersions versions;
  private final PackageStore store;
  private final EventBus eventBus;
  private final Clock clock;

  public JobDispatcher(JobTable jobs, ChallengeVersions versions, PackageStore store, EventBus eventBus, Clock clock) {
    this.jobs = jobs;
    this.versions = versions;
    this.store = store;
    this.eventBus = eventBus;
    this.clock = clock;
  }

  /** Queues a submission; false, and nothing queued, when the content of its challenge version is not kept. */
  public boolean dispatch(StoredSubmission submission) {
    var hash = availableHash(submission.challengeId(), submission.challengeVersion());
    hash.ifPresent(h -> enqueue(submission.job(h)));
    return hash.isPresent();
  }

  /** Queues the verification of an uploaded version; false when its content is gone (the version was deleted). */
  public boolean verify(ChallengeVersion version) {
    var hash = availableHash(version.challengeId(), version.version());
    hash.ifPresent(h -> enqueue(Job.verifying(version.challengeId(), version.version(), h)));
    return hash.isPresent();
  }

  /**
   * Queues what the database holds as unfinished but the job table does not hold: after a restart,
   * or when queueing failed, nothing waits forever. The table is read before the database, and a
   * result is stored before its job leaves the table, so finished work is queued again only in the
   * moment between reading it and queueing it, which costs a second run and changes nothing (a
   * result is stored once). A submission whose version's content is not kept ends {@code JUDGE_ERROR}.
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
      } else if (submissions.recordVerdict(id, JudgeResult.judgeError("the content of challenge "
          + submission.challengeId() + " version " + submission.challengeVersion()
          + " is not kept; this submission is not charged", 0), clock.instant())) {
        eventBus.publish(SubmissionEvents.JUDGED_ADDRESS, id);
      }
    }
    for (ChallengeVersion version : versions.verifying()) {
      if (!inTable.contains(Job.verificationId(version.challengeId(), version.version())) && verify(version)) {
        queued++;
      }
    }
    if (queued > 0) {
      log.info("queued {} unfinished job(s) that were in no queue", queued);
    }
  }

  private Optional<String> availableHash(String challengeId, int version) {
    var found = versions.find(challengeId, version).filter(v -> v.contentHash() != null);
    found.filter(v -> !store.contains(v.contentHash()))
        .flatMap(v -> versions.archive(challengeId, version))
        .ifPresent(store::publish);
    return found.map(ChallengeVersion::contentHash);
  }

  private void enqueue(Job job) {
    if (jobs.enqueue(job, jobs.now())) {
      eventBus.publish(JobTable.JOBS_QUEUED_ADDRESS, job.id());
    }
  }
}
