package dev.gauntlet.platform.submission;

import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.ProgressEvent;
import dev.gauntlet.runner.job.VerdictReport;
import dev.gauntlet.runner.job.VerdictReport.Outcome;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the verdicts runners send, once per submission, then takes the job out of the table, and
 * answers only after that: a verdict is safe before its job goes. A repeated verdict for the same
 * submission is dropped. One sent under a claim that is no longer the job's current one (its lease
 * ran out and the job was queued again) is dropped and its job left alone, for it belongs to
 * whoever holds it now; the check is made when the report arrives.
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
    vertx.executeBlocking(() -> {
      if (!jobs.isHeld(lease)) {
        log.info("dropped a late verdict for submission {} from runner {} (attempt {}), whose lease ran out",
            lease.submissionId(), lease.runnerId(), lease.attempt());
        return Outcome.NOT_HOLDER;
      }
      boolean stored = submissions.recordVerdict(lease.submissionId(), report.result(), clock.instant());
      try {
        jobs.complete(lease);
      } catch (RuntimeException e) {
        // The verdict is safe; a job left behind is judged again and its verdict dropped as a duplicate.
        log.warn("stored the verdict of {} but could not remove its job: {}", lease.submissionId(), e.getMessage());
      }
      return stored ? Outcome.STORED : Outcome.DUPLICATE;
    }, false)
        .onSuccess(outcome -> {
          if (outcome == Outcome.STORED) {
            log.info("stored the verdict of {} from runner {} (attempt {})", lease.submissionId(), lease.runnerId(),
                lease.attempt());
            vertx.eventBus().publish(SubmissionEvents.JUDGED_ADDRESS, lease.submissionId());
          }
          message.reply(outcome.name());
        })
        .onFailure(e -> {
          log.error("could not store the verdict of {}", lease.submissionId(), e);
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
