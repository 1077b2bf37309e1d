package dev.gauntlet.runner.node;

import dev.gauntlet.runner.authoring.PackageVerifier;
import dev.gauntlet.runner.authoring.VerificationReport;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.distribution.PackageCache;
import dev.gauntlet.runner.job.Claim;
import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.job.JobKind;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.Lease;
import dev.gauntlet.runner.job.ProgressEvent;
import dev.gauntlet.runner.job.ReportOutcome;
import dev.gauntlet.runner.job.VerdictReport;
import dev.gauntlet.runner.job.VerificationDone;
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
 * A runner: claims jobs from the cluster's job table while it has free slots, judges a submission
 * or verifies an uploaded package on a thread of its own judging pool (one per slot, so judging never
 * starves the other blocking work), publishes progress, and hands the verdict or verification report
 * to the platform, which records it and removes the job.
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
    vertx.executeBlocking(() -> jobs.claimNext(options.runnerId(), jobs.now()))
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
    log.info("{} {} ({} version {}, attempt {})", switch (job.kind()) {
      case JUDGE -> "judging submission";
      case RUN -> "running on the public tests";
      case VERIFY -> "verifying";
    },
        job.id(), job.challengeId(), job.challengeVersion(), claim.lease().attempt());
    if (job.kind() == JobKind.VERIFY) {
      judging.executeBlocking(() -> verify(job), false)
          .onSuccess(report -> report(VerificationDone.ADDRESS, claim.lease(),
              new VerificationDone(claim.lease(), job.challengeId(), job.challengeVersion(), report),
              report.passed() ? "verified" : "not verified", 1))
          .onFailure(e -> {
            logFailure(job, e);
            // Not the package's fault, so no verdict on it: the lease runs out and the job is tried
            // again, as often as the platform allows.
            release(claim.lease());
          });
      return;
    }
    judging.executeBlocking(() -> judge(claim), false)
        .recover(e -> {
          logFailure(job, e);
          return Future.succeededFuture(JudgeResult.judgeError(JUDGE_FAILED, 0));
        })
        .onSuccess(result -> report(VerdictReport.ADDRESS, claim.lease(), new VerdictReport(claim.lease(), result),
            result.verdict().name(), 1));
  }

  private void logFailure(Job job, Throwable e) {
    if (stopping) {
      log.info("job {} interrupted: the runner is stopping", job.id());
    } else {
      log.error("job {} failed unexpectedly", job.id(), e);
    }
  }

  private JudgeResult judge(Claim claim) {
    var job = claim.job();
    ChallengePackage pkg;
    try {
      pkg = packages.get(job.packageHash());
    } catch (PackageException | UncheckedIOException e) {
      log.error("no package {} for submission {}", job.packageHash(), job.id(), e);
      return JudgeResult.judgeError("this runner could not load challenge " + job.challengeId() + " version "
          + job.challengeVersion() + "; the runner's log has the cause", 0);
    }
    try {
      // Progress and the verdict reach the candidate: hidden test cases leave this runner without their detail.
      return judge.judge(job.kind() == JobKind.RUN ? pkg.forRun() : pkg, job.submission(),
              (test, done, total) -> vertx.eventBus().publish(ProgressEvent.ADDRESS,
                  JsonObject.mapFrom(new ProgressEvent(job.id(), test.forCandidates(), done, total))))
          .forCandidates();
    } catch (RuntimeException e) {
      log.error("judging {} failed unexpectedly", job.id(), e);
      return JudgeResult.judgeError(JUDGE_FAILED, pkg.manifest().scoring().total());
    }
  }

  /**
   * A package that does not load fails its verification, saying why: the author sees that, not a
   * runner's log. Anything else that goes wrong here is this runner's trouble and is thrown.
   */
  private VerificationReport verify(Job job) {
    ChallengePackage pkg;
    try {
      pkg = packages.get(job.packageHash());
    } catch (PackageException e) {
      return VerificationReport.failed(job.challengeId(), e.getMessage());
    }
    return new PackageVerifier(judge).verify(pkg);
  }

  /** Sends a job's result to the platform, retrying while it does not answer; {@code what} is for the log. */
  private void report(String address, Lease lease, Object result, String what, int attempt) {
    if (stopping) {
      log.info("job {}: stopping, so its result is dropped and the job handed back", lease.jobId());
      return;
    }
    vertx.eventBus().<String>request(address, JsonObject.mapFrom(result), REPORT_OPTIONS)
        .onSuccess(reply -> {
          var outcome = ReportOutcome.valueOf(reply.body());
          if (outcome == ReportOutcome.NOT_HOLDER) {
            log.warn("job {}: the platform dropped this runner's result, its lease had run out", lease.jobId());
          } else {
            log.info("job {}: {} ({})", lease.jobId(), what, outcome);
          }
          release(lease);
        })
        .onFailure(e -> {
          if (attempt == REPORT_ATTEMPTS) {
            // Its lease runs out, and the job is queued again for another try.
            log.error("gave up reporting the result of {}: {}", lease.jobId(), e.getMessage());
            release(lease);
            return;
          }
          vertx.setTimer(REPORT_RETRY_MS, id -> report(address, lease, result, what, attempt + 1));
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
              log.warn("lost the lease on {}; its verdict will be dropped", lease.jobId());
            }
          })
          .onFailure(e -> log.warn("could not renew the lease on {}: {}", lease.jobId(), e.getMessage()));
    }
  }
}
