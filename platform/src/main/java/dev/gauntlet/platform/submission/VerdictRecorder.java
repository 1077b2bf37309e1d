package dev.gauntlet.platform.submission;

import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.ProgressEvent;
import dev.gauntlet.runner.job.VerdictReport;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the verdicts runners send, once per submission, and answers only after the database has
 * them, so a runner lets go of a job only when its verdict is safe. A repeated verdict for the same
 * submission, or a late one from a runner that lost the job's lease, is acknowledged and dropped.
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
    vertx.executeBlocking(() -> {
      if (!jobs.isHeldBy(report.submissionId(), report.runnerId())) {
        log.info("dropped a late verdict for submission {} from runner {}, which no longer holds it",
            report.submissionId(), report.runnerId());
        return false;
      }
      return submissions.recordVerdict(report.submissionId(), report.result(), clock.instant());
    }, false)
        .onSuccess(stored -> {
          if (stored) {
            vertx.eventBus().publish(SubmissionEvents.JUDGED_ADDRESS, report.submissionId());
          }
          message.reply(stored);
        })
        .onFailure(e -> {
          log.error("could not store the verdict of {}", report.submissionId(), e);
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
