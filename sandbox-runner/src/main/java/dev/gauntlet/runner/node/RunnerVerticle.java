package dev.gauntlet.runner.node;

import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.ProgressEvent;
import dev.gauntlet.runner.job.VerdictReport;
import dev.gauntlet.runner.judge.Judge;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner: claims jobs from the cluster's job table while it has free slots, judges each on a
 * worker thread, publishes progress, and hands the verdict to the platform. The job leaves the
 * table only once the platform has answered that the verdict is recorded.
 */
public final class RunnerVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(RunnerVerticle.class);
  private static final long POLL_MS = 1_000;
  private static final int REPORT_ATTEMPTS = 30;
  private static final long REPORT_RETRY_MS = 2_000;
  private static final DeliveryOptions REPORT_OPTIONS = new DeliveryOptions().setSendTimeout(10_000);

  private final JobTable jobs;
  private final Catalog catalog;
  private final Judge judge;
  private final RunnerOptions options;
  private final Set<String> inFlight = new HashSet<>();
  private int busySlots;
  private boolean claiming;

  public RunnerVerticle(JobTable jobs, Catalog catalog, Judge judge, RunnerOptions options) {
    this.jobs = jobs;
    this.catalog = catalog;
    this.judge = judge;
    this.options = options;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(POLL_MS, id -> claimWhileFree());
    vertx.setPeriodic(options.renewEvery().toMillis(), id -> renewLeases());
    return vertx.eventBus().consumer(JobTable.JOBS_QUEUED_ADDRESS, message -> claimWhileFree())
        .completion()
        .onSuccess(v -> {
          log.info("runner {} ready with {} slot(s)", options.runnerId(), options.slots());
          claimWhileFree();
        });
  }

  private void claimWhileFree() {
    if (claiming || busySlots >= options.slots()) {
      return;
    }
    claiming = true;
    vertx.executeBlocking(() -> jobs.claimOldest(options.runnerId(), System.currentTimeMillis()))
        .onComplete(claimed -> {
          claiming = false;
          if (claimed.failed()) {
            log.warn("could not claim from the job table", claimed.cause());
          } else if (claimed.result().isPresent()) {
            busySlots++;
            inFlight.add(claimed.result().get().submissionId());
            run(claimed.result().get());
            claimWhileFree();
          }
        });
  }

  private void run(Job job) {
    log.info("judging submission {} ({} in {})", job.submissionId(), job.challengeId(), job.language().id());
    vertx.executeBlocking(() -> judge(job), false)
        .onSuccess(result -> report(new VerdictReport(job.submissionId(), options.runnerId(), result), 1))
        .onFailure(e -> {
          log.error("judging {} failed unexpectedly", job.submissionId(), e);
          report(new VerdictReport(job.submissionId(), options.runnerId(),
              JudgeResult.judgeError("the judge failed: " + e, 0)), 1);
        });
  }

  private JudgeResult judge(Job job) {
    Optional<ChallengePackage> pkg = catalog.find(job.challengeId())
        .filter(p -> p.manifest().version() == job.challengeVersion());
    if (pkg.isEmpty()) {
      return JudgeResult.judgeError("this runner has no challenge " + job.challengeId() + " version "
          + job.challengeVersion(), 0);
    }
    return judge.judge(pkg.get(), job.submission(), (test, done, total) -> vertx.eventBus().publish(
        ProgressEvent.ADDRESS, JsonObject.mapFrom(new ProgressEvent(job.submissionId(), test, done, total))));
  }

  private void report(VerdictReport report, int attempt) {
    vertx.eventBus().request(VerdictReport.ADDRESS, JsonObject.mapFrom(report), REPORT_OPTIONS)
        .compose(recorded -> vertx.executeBlocking(() -> {
          jobs.complete(report.submissionId());
          return null;
        }))
        .onSuccess(done -> {
          log.info("submission {}: {}", report.submissionId(), report.result().verdict());
          release(report.submissionId());
        })
        .onFailure(e -> {
          if (attempt == REPORT_ATTEMPTS) {
            // Its lease runs out, and the job is queued again for another try.
            log.error("gave up reporting the verdict of {}: {}", report.submissionId(), e.getMessage());
            release(report.submissionId());
            return;
          }
          vertx.setTimer(REPORT_RETRY_MS, id -> report(report, attempt + 1));
        });
  }

  private void release(String submissionId) {
    inFlight.remove(submissionId);
    busySlots--;
    claimWhileFree();
  }

  /** Keeps the leases of the jobs being judged; one this runner lost goes on, but its verdict will not count. */
  private void renewLeases() {
    for (String submissionId : Set.copyOf(inFlight)) {
      vertx.executeBlocking(() -> jobs.renew(submissionId, options.runnerId(), System.currentTimeMillis()))
          .onSuccess(held -> {
            if (!held) {
              log.warn("lost the lease on {}; its verdict will be dropped", submissionId);
            }
          })
          .onFailure(e -> log.warn("could not renew the lease on {}: {}", submissionId, e.getMessage()));
    }
  }
}
