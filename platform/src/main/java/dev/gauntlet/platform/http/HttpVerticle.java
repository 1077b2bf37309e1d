package dev.gauntlet.platform.http;

import dev.gauntlet.platform.challenge.ChallengeRoutes;
import dev.gauntlet.platform.submission.SubmissionEvents;
import dev.gauntlet.platform.submission.SubmissionRoutes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP API under {@code /api/v1}; every error it answers is a problem document. */
public final class HttpVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final ChallengeRoutes challenges;
  private final SubmissionRoutes submissions;
  private final SubmissionEvents events;
  private HttpServer server;

  public HttpVerticle(String host, int port, ChallengeRoutes challenges, SubmissionRoutes submissions,
                      SubmissionEvents events) {
    this.host = host;
    this.port = port;
    this.challenges = challenges;
    this.submissions = submissions;
    this.events = events;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    // First: a package upload reads its body under its own, larger limit.
    challenges.mount(router);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(ApiLimits.MAX_BODY_BYTES));
    router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml")
        .sendFile("openapi.yaml"));
    submissions.mount(router);
    events.mount(router);

    var problems = new ProblemHandler();
    router.route().failureHandler(problems);
    for (int status : new int[] {404, 405, 413, 415}) {
      router.errorHandler(status, problems);
    }
    return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
  }

  /** The port really bound, which differs from the configured one when that was 0. */
  public int actualPort() {
    return server.actualPort();
  }
}
