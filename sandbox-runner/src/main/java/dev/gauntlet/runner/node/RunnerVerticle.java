package dev.gauntlet.runner.node;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.distribution.PackageCache;
import dev.gauntlet.runner.job.Claim;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.Lease;
import dev.gauntlet.runner.job.ProgressEvent;
import dev.gauntlet.runner.job.VerdictReport;
import dev.gauntlet.runner.judge.Judge;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner: claims jobs from the cluster's job table while it has free slots, judges each on a
 * thread of its own judging pool (one per slot, so judging never starves the other blocking work),
 * publishes progress, and hands the verdict to the platform, which records it and removes the job.
 */
public final class RunnerVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(RunnerVerticle.class);
  private static final long POLL_MS = 1_000;
  private static final int REPORT_ATTEMPTS = 30;
  private static final long REPORT_RETRY_MS = 2_000;
  /** Judging a submission blocks its thread for as long as its tests take; that is expected, not a stall. */
  private static final long JUDGE_MAX_MINUTES = 60;
  private static final String JUDGE_FAILED = "the judge failed; the runner's log has the cause";
  private static final DeliveryOptions REPORT_OPTIONS = new DeliveryOptions().setSendTimeout(10_000);

  private final JobTable jobs;
  private final PackageCache packages;
  private final Judge judge;
  private final RunnerOptions options;
  private final Set<Lease> inFlight = new HashSet<>();
  private WorkerExecutor judging;
  private boolean claiming;
  /** Set when the runner stops: what is judged from then on is interrupted, and no verdict of it counts. */
  private volatile boolean stopping;

  public RunnerVerticle(JobTable jobs, PackageCache packages, Judge judge, RunnerOptions options) {
    this.jobs = jobs;
    this.packages = packages;
    this.judge = judge;
    this.options = options;
  }

  @Override
  public Future<?> start() {
    judging = vertx.createSharedWorkerExecutor("gauntlet-judge-" + options.runnerId(), options.slots(),
        JUDGE_MAX_MINUTES, TimeUnit.MINUTES);
    vertx.setPeriodic(POLL_MS, id -> claimWhileFree());
    vertx.setPeriodic(options.renewEvery().toMillis(), id -> renewLeases());
    return vertx.eventBus().consumer(JobTable.JOBS_QUEUED_ADDRESS, message -> claimWhileFree())
        .completion()
        .onSuccess(v -> {
          log.info("runner {} ready with {} slot(s)", options.runnerId(), options.slots());
          claimWhileFree();
        });
  }

  /**
   * Hands the jobs being judged back to the queue, so another runner takes them at once, and
   * interrupts their judging; an interrupted judgement is never reported, for it is no verdict.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    var held = Set.copyOf(inFlight);
    log.info("runner {} stopping: handing back {} job(s)", options.runnerId(), held.size());
    return vertx.executeBlocking(() -> {
      held.forEach(jobs::release);
      return null;
    }).eventually(() -> judging.close());
  }

  private void claimWhileFree() {
    if (stopping || claiming || inFlight.size() >= options.slots()) {
      return;
    }
    claiming = true;
    vertx.executeBlocking(() -> jobs.claimOldest(options.runnerId(), jobs.now()))
        .onComplete(claimed -> {
          claiming = false;
          if (claimed.failed()) {
            log.warn("could not claim from the job table", claimed.cause());
          } else if (claimed.result().isPresent()) {
            inFlight.add(claimed.result().get().lease());
            run(claimed.result().get());
            claimWhileFree();
          }
        });
  }

  private void run(Claim claim) {
    var job = claim.job();
    log.info("judging submission {} ({} in {}, attempt {})", job.submissionId(), job.challengeId(),
        job.language().id(), claim.lease().attempt());
    judging.executeBlocking(() -> judge(claim), false)
        .onSuccess(result -> report(new VerdictReport(claim.lease(), result), 1))
        .onFailure(e -> {
          log.error("judging {} failed unexpectedly", job.submissionId(), e);
          report(new VerdictReport(claim.lease(), JudgeResult.judgeError(JUDGE_FAILED, 0)), 1);
        });
  }

  private JudgeResult judge(Claim claim) {
    var job = claim.job();
    ChallengePackage pkg;
    try {
      pkg = packages.get(job.packageHash());
    } catch (PackageException | UncheckedIOException e) {
      log.error("no package {} for submission {}", job.packageHash(), job.submissionId(), e);
      return JudgeResult.judgeError("this runner could not load challenge " + job.challengeId() + " version "
          + job.challengeVersion() + "; the runner's log has the cause", 0);
    }
    try {
      return judge.judge(pkg, job.submission(), (test, done, total) -> vertx.eventBus().publish(
          ProgressEvent.ADDRESS, JsonObject.mapFrom(new ProgressEvent(job.submissionId(), test, done, total))));
    } catch (RuntimeException e) {
      log.error("judging {} failed unexpectedly", job.submissionId(), e);
      return JudgeResult.judgeError(JUDGE_FAILED, pkg.manifest().scoring().total());
    }
  }

  private void report(VerdictReport report, int attempt) {
    String submissionId = report.lease().submissionId();
    if (stopping) {
      log.info("submission {}: stopping, so its judgement is dropped and the job handed back", submissionId);
      return;
    }
    vertx.eventBus().<String>request(VerdictReport.ADDRESS, JsonObject.mapFrom(report), REPORT_OPTIONS)
        .onSuccess(reply -> {
          var outcome = VerdictReport.Outcome.valueOf(reply.body());
          if (outcome == VerdictReport.Outcome.NOT_HOLDER) {
            log.warn("submission {}: the platform dropped this runner's verdict, its lease had run out", submissionId);
          } else {
            log.info("submission {}: {} ({})", submissionId, report.result().verdict(), outcome);
          }
          release(report.lease());
        })
        .onFailure(e -> {
          if (attempt == REPORT_ATTEMPTS) {
            // Its lease runs out, and the job is queued again for another try.
            log.error("gave up reporting the verdict of {}: {}", submissionId, e.getMessage());
            release(report.lease());
            return;
          }
          vertx.setTimer(REPORT_RETRY_MS, id -> report(report, attempt + 1));
        });
  }

  private void release(Lease lease) {
    inFlight.remove(lease);
    claimWhileFree();
  }

  /** Keeps the leases of the jobs being judged; one this runner lost goes on, but its verdict will not count. */
  private void renewLeases() {
    for (Lease lease : Set.copyOf(inFlight)) {
      vertx.executeBlocking(() -> jobs.renew(lease, jobs.now()))
          .onSuccess(held -> {
            if (!held) {
              log.warn("lost the lease on {}; its verdict will be dropped", lease.submissionId());
            }
          })
          .onFailure(e -> log.warn("could not renew the lease on {}: {}", lease.submissionId(), e.getMessage()));
    }
  }
}
