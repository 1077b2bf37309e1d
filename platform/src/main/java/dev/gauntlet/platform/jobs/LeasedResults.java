package dev.gauntlet.platform.jobs;

import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.Lease;
import dev.gauntlet.runner.job.ReportOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a runner's result of a job is taken, verdict or verification: only under the job's current
 * lease (checked when the report arrives, so a runner presumed dead cannot overwrite anything), stored
 * once, and only then is the job taken out of the table, so a result is safe before its job goes.
 */
public final class LeasedResults {
  private static final Logger log = LoggerFactory.getLogger(LeasedResults.class);

  private LeasedResults() {
  }

  /** {@code store} stores the result and says whether it did, false when one was stored already. */
  public static Future<ReportOutcome> record(Vertx vertx, JobTable jobs, Lease lease, Callable<Boolean> store) {
    return vertx.executeBlocking(() -> {
      if (!jobs.isHeld(lease)) {
        log.info("dropped a late result for job {} from runner {} (attempt {}), whose lease ran out", lease.jobId(),
            lease.runnerId(), lease.attempt());
        return ReportOutcome.NOT_HOLDER;
      }
      boolean stored = store.call();
      try {
        jobs.complete(lease);
      } catch (RuntimeException e) {
        // The result is safe; a job left behind runs again and its result is dropped as a duplicate.
        log.warn("stored the result of {} but could not remove its job: {}", lease.jobId(), e.getMessage());
      }
      return stored ? ReportOutcome.STORED : ReportOutcome.DUPLICATE;
    }, false);
  }
}
