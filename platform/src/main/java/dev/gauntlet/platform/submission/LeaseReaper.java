package dev.gauntlet.platform.submission;

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
 * Queues again the jobs whose runner stopped renewing its lease, as when it died. A job that has
 * been tried {@code maxAttempts} times is stopped and recorded as {@code JUDGE_ERROR} for a human.
 */
public final class LeaseReaper extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);

  private final JobTable jobs;
  private final SubmissionRepository submissions;
  private final Clock clock;
  private final Duration every;
  private final int maxAttempts;

  public LeaseReaper(JobTable jobs, SubmissionRepository submissions, Clock clock, Duration every, int maxAttempts) {
    this.jobs = jobs;
    this.submissions = submissions;
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
    for (Job job : jobs.requeueExpired(clock.millis(), maxAttempts)) {
      log.error("submission {} was tried {} times and every runner running it went away; stopped", job.submissionId(),
          maxAttempts);
      if (submissions.recordVerdict(job.submissionId(), JudgeResult.judgeError("stopped after " + maxAttempts
          + " tries: every runner judging it went away", 0), clock.instant())) {
        vertx.eventBus().publish(SubmissionEvents.JUDGED_ADDRESS, job.submissionId());
      }
    }
    return null;
  }
}
