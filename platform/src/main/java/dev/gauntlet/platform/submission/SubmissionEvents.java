package dev.gauntlet.platform.submission;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Routes;
import dev.gauntlet.runner.job.ProgressEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /api/v1/submissions/{id}/events}: a server-sent event stream of one submission.
 * {@code test} events arrive as each test case is judged (hidden ones without detail), then one
 * {@code verdict} event with the whole submission, and the stream ends. Progress travels over the
 * clustered event bus, so any platform process can serve the stream.
 */
public final class SubmissionEvents implements Routes {
  /** Published with the submission id once its verdict is stored. */
  public static final String JUDGED_ADDRESS = "gauntlet.submissions.judged";

  private final Vertx vertx;
  private final SubmissionRepository submissions;

  public SubmissionEvents(Vertx vertx, SubmissionRepository submissions) {
    this.vertx = vertx;
    this.submissions = submissions;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/submissions/:id/events").handler(this::stream);
  }

  private void stream(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    vertx.executeBlocking(() -> submissions.findPractice(id), false).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new ProblemException(ProblemType.NOT_FOUND, "no submission " + id));
      } else {
        stream(ctx, found.get(), false);
      }
    }).onFailure(ctx::fail);
  }

  /**
   * Streams a submission that the caller was found allowed to see; a reviewer's verdict event holds
   * what a reviewer reads, such as the reference's query plan.
   */
  public void stream(RoutingContext ctx, StoredSubmission found, boolean reviewer) {
    var response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache");
    if (found.status() == SubmissionStatus.JUDGED) {
      sendVerdict(response, found, reviewer);
      return;
    }
    send(response, "status", new JsonObject().put("status", found.status()).encode());
    follow(found.id(), response, reviewer);
  }

  private void follow(String id, HttpServerResponse response, boolean reviewer) {
    var bus = vertx.eventBus();
    MessageConsumer<JsonObject> progress = bus.consumer(ProgressEvent.ADDRESS, message -> {
      var event = message.body().mapTo(ProgressEvent.class);
      if (event.submissionId().equals(id) && open(response)) {
        send(response, "test", Json.encode(new ProgressEvent(id, event.test().forCandidates(), event.done(),
            event.total())));
      }
    });
    MessageConsumer<String> judged = bus.consumer(JUDGED_ADDRESS, message -> {
      if (message.body().equals(id)) {
        finish(id, response, reviewer);
      }
    });
    var consumers = List.of(progress, judged);
    response.closeHandler(v -> consumers.forEach(MessageConsumer::unregister));
    response.endHandler(v -> consumers.forEach(MessageConsumer::unregister));
    // The verdict may have been stored between the first look and the consumers going live.
    Future.all(progress.completion(), judged.completion()).onComplete(v -> finishIfJudged(id, response, reviewer));
  }

  private void finishIfJudged(String id, HttpServerResponse response, boolean reviewer) {
    vertx.executeBlocking(() -> submissions.find(id), false).onSuccess(found -> {
      if (found.isPresent() && found.get().status() == SubmissionStatus.JUDGED) {
        finish(id, response, reviewer);
      }
    });
  }

  private void finish(String id, HttpServerResponse response, boolean reviewer) {
    vertx.executeBlocking(() -> submissions.find(id), false)
        .onSuccess(found -> found.ifPresent(s -> sendVerdict(response, s, reviewer)));
  }

  private static void sendVerdict(HttpServerResponse response, StoredSubmission submission, boolean reviewer) {
    if (open(response)) {
      send(response, "verdict", Json.encode(SubmissionView.of(submission, reviewer, false)));
      response.end();
    }
  }

  /** The client may have gone away; writing then would fail. */
  private static boolean open(HttpServerResponse response) {
    return !response.ended() && !response.closed();
  }

  private static void send(HttpServerResponse response, String event, String data) {
    response.write("event: " + event + "\ndata: " + data + "\n\n");
  }
}
