package dev.gauntlet.platform.submission;

import dev.gauntlet.platform.http.JsonBodies;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.jobs.JobDispatcher;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/submissions} and {@code GET /api/v1/submissions/{id}}. */
public final class SubmissionRoutes {
  private static final Logger log = LoggerFactory.getLogger(SubmissionRoutes.class);
  private static final String BASE = "/api/v1/submissions";

  private final Vertx vertx;
  private final SubmissionRepository submissions;
  private final SubmissionValidator validator;
  private final JobDispatcher dispatcher;
  private final Clock clock;
  private final int maxQueue;

  public SubmissionRoutes(Vertx vertx, SubmissionRepository submissions, ChallengeCatalog catalog,
                          JobDispatcher dispatcher,
                          Clock clock, int maxQueue) {
    this.vertx = vertx;
    this.submissions = submissions;
    this.validator = new SubmissionValidator(catalog);
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.maxQueue = maxQueue;
  }

  public void mount(Router router) {
    router.post(BASE).consumes("application/json").handler(this::submit);
    router.get(BASE + "/:id").handler(this::show);
  }

  private void submit(RoutingContext ctx) {
    var request = JsonBodies.read(ctx, SubmissionRequest.class);
    vertx.executeBlocking(() -> {
      var submission = validator.accept(request, clock.instant());
      // Back-pressure instead of an unbounded queue; concurrent requests may pass the check together,
      // which overshoots the bound by at most the number of requests in flight.
      if (submissions.countUnfinished() >= maxQueue) {
        throw new ProblemException(ProblemType.QUEUE_FULL, maxQueue + " submissions are already waiting; try again later");
      }
      // Stored first: if queueing fails, the lease reaper finds it in no queue and queues it.
      submissions.insert(submission);
      try {
        if (!dispatcher.dispatch(submission)) {
          log.error("submission {} stored but its challenge version's content is not kept; the next sweep ends it",
              submission.id());
        }
      } catch (RuntimeException e) {
        log.error("submission {} stored but not queued; the next sweep queues it", submission.id(), e);
      }
      return submission;
    }, false).onSuccess(stored -> ctx.response()
        .setStatusCode(202)
        .putHeader(HttpHeaders.LOCATION, BASE + "/" + stored.id())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("id", stored.id()).put("status", stored.status()).encode()))
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    vertx.executeBlocking(() -> submissions.find(id), false)
        .onSuccess(found -> found.ifPresentOrElse(
            s -> ctx.json(SubmissionView.of(s)),
            () -> ctx.fail(new ProblemException(ProblemType.NOT_FOUND, "no submission " + id))))
        .onFailure(ctx::fail);
  }
}
