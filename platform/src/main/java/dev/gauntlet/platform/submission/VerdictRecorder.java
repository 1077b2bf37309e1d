package dev.gauntlet.platform.submission;

import dev.gauntlet.platform.jobs.LeasedResults;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.ProgressEvent;
import dev.gauntlet.runner.job.ReportOutcome;
import dev.gauntlet.runner.job.VerdictReport;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the verdicts runners send, once per submission, as {@link LeasedResults} takes results, and
 * marks submissions running as their first test is judged.
 */
public final class VerdictRecorder extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(VerdictRecorder.class);

  private final SubmissionRepository submissions;
  private final JobTable jobs;
  private final Clock clock;

  public VerdictRecorder(SubmissionRepository submissions, JobTable jobs, Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    var bus = vertx.eventBus();
    return Future.all(
        bus.<JsonObject>consumer(VerdictReport.ADDRESS, this::record).completion(),
        bus.<JsonObject>consumer(ProgressEvent.ADDRESS, this::progress).completion());
  }

  private void record(Message<JsonObject> message) {
    var report = message.body().mapTo(VerdictReport.class);
    var lease = report.lease();
    LeasedResults.record(vertx, jobs, lease, () -> submissions.recordVerdict(lease.jobId(), report.result(),
            clock.instant()))
        .onSuccess(outcome -> {
          if (outcome == ReportOutcome.STORED) {
            log.info("stored the verdict of {} from runner {} (attempt {})", lease.jobId(), lease.runnerId(),
                lease.attempt());
            vertx.eventBus().publish(SubmissionEvents.JUDGED_ADDRESS, lease.jobId());
          }
          message.reply(outcome.name());
        })
        .onFailure(e -> {
          log.error("could not store the verdict of {}", lease.jobId(), e);
          message.fail(500, e.getMessage());
        });
  }

  private void progress(Message<JsonObject> message) {
    var event = message.body().mapTo(ProgressEvent.class);
    if (event.done() == 1) {
      vertx.executeBlocking(() -> {
        submissions.markRunning(event.submissionId());
        return null;
      }, false).onFailure(e -> log.warn("could not mark {} running: {}", event.submissionId(), e.getMessage()));
    }
  }
}
