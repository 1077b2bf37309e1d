package dev.gauntlet.platform.jobs;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.submission.SubmissionEvents;
import dev.gauntlet.platform.submission.SubmissionRepository;
import dev.gauntlet.runner.authoring.VerificationReport;
import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.job.JobKind;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every unfinished job on its way to a result. Queues again the jobs of a runner that left
 * the cluster, at once, and those whose runner stopped renewing its lease, as when it hung or the
 * cluster did not notice it die; stops a job tried {@code maxAttempts} times and records that for a
 * human ({@code JUDGE_ERROR} for a submission, a failed verification for an uploaded version); and
 * queues any stored submission or version being verified that is in no queue, as when the job table
 * could not be reached when it arrived.
 */
public final class LeaseReaper extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);

  private final JobTable jobs;
  private final Cluster cluster;
  private final SubmissionRepository submissions;
  private final JobDispatcher dispatcher;
  private final ChallengeCatalog catalog;
  private final Clock clock;
  private final Duration every;
  private final int maxAttempts;

  private UUID membershipListener;

  public LeaseReaper(JobTable jobs, Cluster cluster, SubmissionRepository submissions, JobDispatcher dispatcher,
                     ChallengeCatalog catalog, Clock clock, Duration every, int maxAttempts) {
    this.jobs = jobs;
    this.cluster = cluster;
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
    membershipListener = cluster.addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        // A new runner finds the queue by itself.
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        // Runners are known by their member's id; this runs on Hazelcast's event thread, so work elsewhere.
        String runnerId = event.getMember().getUuid().toString();
        vertx.executeBlocking(() -> jobs.requeueHeldBy(runnerId))
            .onSuccess(requeued -> {
              if (requeued > 0) {
                log.warn("runner {} left the cluster; queued again {} job(s) it held", runnerId, requeued);
              }
            })
            .onFailure(e -> log.warn("could not queue the jobs of runner {} again: {}", runnerId, e.getMessage()));
      }
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    cluster.removeMembershipListener(membershipListener);
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
    String why = "stopped after " + maxAttempts + " tries: every runner working on it went away";
    log.error("job {} was tried {} times and every runner working on it went away; stopped", job.id(), maxAttempts);
    if (job.kind() == JobKind.VERIFY) {
      catalog.versions().recordVerification(job.challengeId(), job.challengeVersion(),
          VerificationReport.failed(job.challengeId(), why));
      return;
    }
    int total = catalog.at(job.challengeId(), job.challengeVersion())
        .map(served -> served.pkg().manifest().scoring().total()).orElse(0);
    if (submissions.recordVerdict(job.id(), JudgeResult.judgeError(why + "; this submission is not charged", total),
        clock.instant())) {
      vertx.eventBus().publish(SubmissionEvents.JUDGED_ADDRESS, job.id());
    }
  }
}
