package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.http.JsonBodies;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Replies;
import dev.gauntlet.platform.http.Routes;
import dev.gauntlet.platform.submission.StoredSubmission;
import dev.gauntlet.platform.submission.SubmissionEvents;
import dev.gauntlet.platform.submission.SubmissionIntake;
import dev.gauntlet.platform.submission.SubmissionRepository;
import dev.gauntlet.platform.submission.SubmissionRequest;
import dev.gauntlet.platform.submission.SubmissionRoutes;
import dev.gauntlet.platform.submission.SubmissionValidator;
import dev.gauntlet.platform.submission.SubmissionView;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * An attempt's submissions and runs: made by its candidate while the clock runs, within the rate
 * limit, judged from the assessment's own queue; read, with their code and live events, by the
 * candidate and the reviewers.
 */
public final class AttemptSubmissionRoutes implements Routes {
  private static final String BASE = "/api/v1/attempts/:id";

  private final Vertx vertx;
  private final AttemptVisits visits;
  private final SubmissionRepository submissions;
  private final SubmissionValidator validator;
  private final SubmissionIntake intake;
  private final SubmissionEvents events;
  private final ChallengeCatalog catalog;
  private final Access access;
  private final SubmissionRateLimit rateLimit;
  private final Clock clock;

  public AttemptSubmissionRoutes(Vertx vertx, AttemptVisits visits, SubmissionRepository submissions,
                                 SubmissionValidator validator, SubmissionIntake intake, SubmissionEvents events,
                                 ChallengeCatalog catalog, Access access, SubmissionRateLimit rateLimit, Clock clock) {
    this.vertx = vertx;
    this.visits = visits;
    this.submissions = submissions;
    this.validator = validator;
    this.intake = intake;
    this.events = events;
    this.catalog = catalog;
    this.access = access;
    this.rateLimit = rateLimit;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    var signedIn = access.signedIn();
    router.post(BASE + "/submissions").consumes("application/json").handler(signedIn)
        .handler(ctx -> submit(ctx, false));
    router.post(BASE + "/runs").consumes("application/json").handler(signedIn).handler(ctx -> submit(ctx, true));
    router.get(BASE + "/submissions").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.visit(Access.caller(ctx), ctx.pathParam("id"));
      return submissions.ofAttempt(visit.attempt().id()).stream()
          .map(s -> SubmissionView.of(s, visit.reviewer(), false)).toList();
    }));
    router.get(BASE + "/submissions/:submission").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.visit(Access.caller(ctx), ctx.pathParam("id"));
      return SubmissionView.of(submissionOf(visit, ctx.pathParam("submission")), visit.reviewer(), true);
    }));
    router.get(BASE + "/submissions/:submission/events").handler(signedIn).handler(ctx ->
        vertx.executeBlocking(() -> {
          var visit = visits.visit(Access.caller(ctx), ctx.pathParam("id"));
          return new Watched(submissionOf(visit, ctx.pathParam("submission")), visit.reviewer());
        }, false).onSuccess(watched -> events.stream(ctx, watched.submission(), watched.reviewer()))
            .onFailure(ctx::fail));
  }

  private record Watched(StoredSubmission submission, boolean reviewer) {
  }

  /** A submission, or a run on the public tests, which is judged the same way and counts for nothing. */
  private void submit(RoutingContext ctx, boolean run) {
    var request = JsonBodies.read(ctx, SubmissionRequest.class, ProblemType.INVALID_SUBMISSION);
    vertx.executeBlocking(() -> {
      var now = clock.instant();
      var visit = visits.running(Access.caller(ctx), ctx.pathParam("id"), run ? "runs code" : "submits", now);
      var assessment = visit.assessment();
      var pinned = assessment.challenge(SubmissionValidator.require(request.challenge(), "challenge"))
          .orElseThrow(() -> new ProblemException(ProblemType.INVALID_SUBMISSION, "this assessment has no challenge '"
              + request.challenge() + "'; it has " + assessment.challenges().stream()
              .map(c -> c.challengeId()).toList()));
      var served = catalog.at(pinned.challengeId(), pinned.version()).orElseThrow(() -> new ProblemException(
          ProblemType.NOT_FOUND, "version " + pinned.version() + " of " + pinned.challengeId() + " is gone"));
      if (run && !served.pkg().hasPublicTests()) {
        throw new ProblemException(ProblemType.INVALID_SUBMISSION, "challenge '" + pinned.challengeId()
            + "' has no public tests to run; its tests are all hidden, so Submit is how it is judged");
      }
      var submission = validator.accept(request, served, assessment.languages(), visit.attempt().id(),
          assessment.queue(), run, now);
      return intake.take(submission, now.minus(SubmissionRateLimit.WINDOW), rateLimit::check);
    }, false).onSuccess(stored -> SubmissionRoutes.accepted(ctx, stored,
        "/api/v1/attempts/" + stored.attemptId() + "/submissions/" + stored.id())).onFailure(ctx::fail);
  }

  private StoredSubmission submissionOf(AttemptVisits.Visit visit, String submissionId) {
    return submissions.find(submissionId).filter(s -> visit.attempt().id().equals(s.attemptId()))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "this attempt has no submission " + submissionId));
  }
}
