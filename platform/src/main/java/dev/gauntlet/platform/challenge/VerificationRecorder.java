package dev.gauntlet.platform.challenge;

import dev.gauntlet.platform.jobs.LeasedResults;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.ReportOutcome;
import dev.gauntlet.runner.job.VerificationDone;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what runners found verifying uploaded versions, once per version, as {@link LeasedResults}
 * takes results: a version that verified becomes the one candidates get.
 */
public final class VerificationRecorder extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(VerificationRecorder.class);

  private final ChallengeVersions versions;
  private final JobTable jobs;

  public VerificationRecorder(ChallengeVersions versions, JobTable jobs) {
    this.versions = versions;
    this.jobs = jobs;
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<JsonObject>consumer(VerificationDone.ADDRESS, this::record).completion();
  }

  private void record(Message<JsonObject> message) {
    var done = message.body().mapTo(VerificationDone.class);
    String version = done.challengeId() + " version " + done.challengeVersion();
    LeasedResults.record(vertx, jobs, done.lease(), () -> versions.recordVerification(done.challengeId(),
            done.challengeVersion(), done.report()))
        .onSuccess(outcome -> {
          if (outcome == ReportOutcome.STORED) {
            log.info("{} {}", version, done.report().passed() ? "verified: published" : "did not verify: rejected");
          }
          message.reply(outcome.name());
        })
        .onFailure(e -> {
          log.error("could not store the verification of {}", version, e);
          message.fail(500, e.getMessage());
        });
  }
}
