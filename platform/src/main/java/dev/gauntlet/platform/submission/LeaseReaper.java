package dev.gauntlet.platform.submission;

import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every unfinished submission on its way to a verdict. Queues again the jobs whose runner
 * stopped renewing its lease, as when it died; stops a job tried {@code maxAttempts} times and records
 * {@code JUDGE_ERROR} for a human; and queues any stored submission that is in no queue, as when the
 * job table could not be reached when it arrived.
 */
public final class LeaseReaper extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);

  private final JobTable jobs;
  private final SubmissionRepository submissions;
  private final JobDispatcher dispatcher;
  private final Catalog catalog;
  private final Clock clock;
  private final Duration every;
  private final int maxAttempts;

  public LeaseReaper(JobTable jobs, SubmissionRepository submissions, JobDispatcher dispatcher, Catalog catalog,
                     Clock clock, Duration every, int maxAttempts) {
    this.jobs = jobs;
    this.submissions = submissions;
    this.dispatcher = dispatcher;
    this.catalog = catalog;
    this.clock = clock;
    this.every = every;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(every.toMillis(), id -> vertx.executeBlocking(this::reap)
        .onFailure(e -> log.warn("could not look for expired leases: {}", e.getMessage())));
    return Future.succeededFuture();
  }

  private Void reap() {
    int requeued = jobs.requeueExpired(jobs.now(), maxAttempts, this::giveUp);
    if (requeued > 0) {
      log.warn("queued again {} job(s) whose runner stopped renewing its lease", requeued);
    }
    dispatcher.queueStranded(submissions);
    return null;
  }

  private void giveUp(Job job) {
    log.error("submission {} was tried {} times and every runner judging it went away; stopped", job.submissionId(),
        maxAttempts);
    int total = catalog.find(job.challengeId()).map(p -> p.manifest().scoring().total()).orElse(0);
    if (submissions.recordVerdict(job.submissionId(), JudgeResult.judgeError("stopped after " + maxAttempts
        + " tries: every runner judging it went away; this submission is not charged", total), clock.instant())) {
      vertx.eventBus().publish(SubmissionEvents.JUDGED_ADDRESS, job.submissionId());
    }
  }
}
