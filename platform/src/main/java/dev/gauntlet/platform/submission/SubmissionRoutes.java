package dev.gauntlet.platform.submission;

import dev.gauntlet.platform.assessment.Assessments;
import dev.gauntlet.platform.http.JsonBodies;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Routes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * {@code POST /api/v1/submissions} and {@code GET /api/v1/submissions/{id}}: practice outside any
 * assessment. A challenge that an assessment uses is not open to practice: there its hidden tests
 * could be tried without limit and without a record. A submission of an attempt is served only
 * under its attempt, to whom may see it.
 */
public final class SubmissionRoutes implements Routes {
  private static final String BASE = "/api/v1/submissions";

  private final Vertx vertx;
  private final SubmissionRepository submissions;
  private final SubmissionValidator validator;
  private final SubmissionIntake intake;
  private final Assessments assessments;
  private final Clock clock;

  public SubmissionRoutes(Vertx vertx, SubmissionRepository submissions, SubmissionValidator validator,
                          SubmissionIntake intake, Assessments assessments, Clock clock) {
    this.vertx = vertx;
    this.submissions = submissions;
    this.validator = validator;
    this.intake = intake;
    this.assessments = assessments;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.post(BASE).consumes("application/json").handler(this::submit);
    router.get(BASE + "/:id").handler(this::show);
  }

  private void submit(RoutingContext ctx) {
    var request = JsonBodies.read(ctx, SubmissionRequest.class, ProblemType.INVALID_SUBMISSION);
    vertx.executeBlocking(() -> {
      var submission = validator.accept(request, clock.instant());
      if (assessments.pins(submission.challengeId())) {
        throw new ProblemException(ProblemType.INVALID_SUBMISSION, "challenge '" + submission.challengeId()
            + "' is used in assessments, so it is not open to practice; practise on another");
      }
      return intake.take(submission);
    }, false)
        .onSuccess(stored -> accepted(ctx, stored, BASE + "/" + stored.id()))
        .onFailure(ctx::fail);
  }

  /** Answers 202 with where the submission can be followed. */
  public static void accepted(RoutingContext ctx, StoredSubmission stored, String location) {
    ctx.response()
        .setStatusCode(202)
        .putHeader(HttpHeaders.LOCATION, location)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("id", stored.id()).put("status", stored.status()).encode());
  }

  private void show(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    vertx.executeBlocking(() -> submissions.findPractice(id), false)
        .onSuccess(found -> found.ifPresentOrElse(
            s -> ctx.json(SubmissionView.of(s)),
            () -> ctx.fail(new ProblemException(ProblemType.NOT_FOUND, "no submission " + id))))
        .onFailure(ctx::fail);
  }
}
