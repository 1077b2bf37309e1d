package dev.gauntlet.platform.submission;

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
 * submission is acknowledged and dropped.
 */
public final class VerdictRecorder extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(VerdictRecorder.class);

  private final SubmissionRepository submissions;
  private final Clock clock;

  public VerdictRecorder(SubmissionRepository submissions, Clock clock) {
    this.submissions = submissions;
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
    vertx.executeBlocking(() -> submissions.recordVerdict(report.submissionId(), report.result(), clock.instant()), false)
        .onSuccess(stored -> {
          if (!stored) {
            log.info("dropped a repeated verdict for submission {}", report.submissionId());
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
