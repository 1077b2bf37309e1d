package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.assessment.Assessments;
import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.auth.Caller;
import dev.gauntlet.platform.auth.SessionTokens;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.challenge.ChallengeDetail;
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
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;

/**
 * A candidate's attempt under {@code /api/v1/attempts}: opening it with the invitation link's
 * token, reading it and its statements, submitting while the clock runs, following the verdicts,
 * and saying it is done. Its reviewers read the same, with the code and the full results.
 */
public final class AttemptRoutes implements Routes {
  private static final String BASE = "/api/v1/attempts";
  /** A candidate may watch the last verdicts come in after the clock runs out. */
  private static final Duration SESSION_AFTER_DEADLINE = Duration.ofHours(1);

  private final Vertx vertx;
  private final Attempts attempts;
  private final Assessments assessments;
  private final AttemptVisits visits;
  private final AttemptScores scores;
  private final SubmissionRepository submissions;
  private final SubmissionValidator validator;
  private final SubmissionIntake intake;
  private final SubmissionEvents events;
  private final ChallengeCatalog catalog;
  private final SessionTokens sessions;
  private final Access access;
  private final SubmissionRateLimit rateLimit;
  private final Drafts drafts;
  private final Clock clock;

  public AttemptRoutes(Vertx vertx, Attempts attempts, Assessments assessments, SubmissionRepository submissions,
                       Drafts drafts, SubmissionIntake intake, SubmissionEvents events, ChallengeCatalog catalog,
                       SessionTokens sessions, Access access, SubmissionRateLimit rateLimit, Clock clock) {
    this.vertx = vertx;
    this.attempts = attempts;
    this.assessments = assessments;
    this.visits = new AttemptVisits(attempts, assessments);
    this.scores = new AttemptScores(submissions, catalog);
    this.submissions = submissions;
    this.validator = new SubmissionValidator(catalog);
    this.intake = intake;
    this.events = events;
    this.catalog = catalog;
    this.sessions = sessions;
    this.access = access;
    this.rateLimit = rateLimit;
    this.drafts = drafts;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.post(BASE).consumes("application/json").handler(this::open);
    var signedIn = access.signedIn();
    router.get(BASE + "/:id").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.visit(Access.caller(ctx), ctx.pathParam("id"));
      return AttemptView.of(visit.attempt(), visit.assessment(), scores.of(visit.assessment(), visit.attempt()),
          clock.instant());
    }));
    router.get(BASE + "/:id/challenges/:challenge").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.visit(Access.caller(ctx), ctx.pathParam("id"));
      var pinned = visit.assessment().challenge(ctx.pathParam("challenge")).orElseThrow(() -> new ProblemException(
          ProblemType.NOT_FOUND, "this assessment has no challenge " + ctx.pathParam("challenge")));
      return catalog.at(pinned.challengeId(), pinned.version()).map(ChallengeDetail::of).orElseThrow(() ->
          new ProblemException(ProblemType.NOT_FOUND, "version " + pinned.version() + " of " + pinned.challengeId()
              + " is gone"));
    }));
    router.post(BASE + "/:id/submissions").consumes("application/json").handler(signedIn)
        .handler(ctx -> submit(ctx, false));
    router.post(BASE + "/:id/runs").consumes("application/json").handler(signedIn).handler(ctx -> submit(ctx, true));
    router.put(BASE + "/:id/drafts/:challenge").consumes("application/json").handler(signedIn).handler(this::saveDraft);
    router.get(BASE + "/:id/drafts").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () ->
        drafts.ofAttempt(visits.asCandidate(Access.caller(ctx), ctx.pathParam("id"), "reads drafts").attempt().id())));
    router.get(BASE + "/:id/submissions").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.visit(Access.caller(ctx), ctx.pathParam("id"));
      return submissions.ofAttempt(visit.attempt().id()).stream()
          .map(s -> SubmissionView.of(s, visit.reviewer(), false)).toList();
    }));
    router.get(BASE + "/:id/submissions/:submission").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.visit(Access.caller(ctx), ctx.pathParam("id"));
      return SubmissionView.of(submissionOf(visit, ctx.pathParam("submission")), visit.reviewer(), true);
    }));
    router.get(BASE + "/:id/submissions/:submission/events").handler(signedIn).handler(ctx ->
        vertx.executeBlocking(() -> submissionOf(visits.visit(Access.caller(ctx), ctx.pathParam("id")),
                ctx.pathParam("submission")), false)
            .onSuccess(found -> events.stream(ctx, found)).onFailure(ctx::fail));
    router.post(BASE + "/:id/finish").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.asCandidate(Access.caller(ctx), ctx.pathParam("id"), "finishes an attempt");
      if (!attempts.finish(visit.attempt().id(), clock.instant())) {
        throw closed(visit.attempt());
      }
      var finished = attempts.find(visit.attempt().id()).orElseThrow();
      return AttemptView.of(finished, visit.assessment(), scores.of(visit.assessment(), finished), clock.instant());
    }));
  }

  /**
   * Exchanges the link's token for a session scoped to its attempt. The first use starts the clock;
   * the token works once, so a link that leaks after it was opened opens nothing.
   */
  private void open(RoutingContext ctx) {
    var request = JsonBodies.read(ctx, OpenAttempt.class);
    if (request.token() == null || request.token().isBlank()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "send the token from the invitation link");
    }
    vertx.executeBlocking(() -> {
      var now = clock.instant();
      var link = attempts.byTokenHash(InvitationToken.hash(request.token().strip())).orElseThrow(() ->
          new ProblemException(ProblemType.LINK_NOT_VALID, "this invitation link is not valid; check that it was"
              + " copied whole, or ask for a new one"));
      var attempt = link.attempt();
      var assessment = assessments.find(attempt.assessmentId()).orElseThrow();
      switch (attempt.status(now)) {
        case SUBMITTED, EXPIRED -> {
          if (attempt.startedAt() == null) {
            throw new ProblemException(ProblemType.LINK_NOT_VALID, "this invitation link expired on "
                + attempt.linkExpiresAt() + "; ask for a new one");
          }
          throw closed(attempt);
        }
        case INVITED, STARTED -> {
          // Opened below, unless used meanwhile.
        }
      }
      if (link.used() || !attempts.open(attempt.id(), attempt.linkGeneration(), now, now.plus(assessment.timeLimit()))) {
        throw new ProblemException(ProblemType.LINK_NOT_VALID, "this invitation link was opened already and works"
            + " once; ask the person who invited you for a new one");
      }
      var opened = attempts.find(attempt.id()).orElseThrow();
      var session = sessions.candidate(new Caller.Candidate(opened.id(), opened.linkGeneration()), now,
          opened.deadline().plus(SESSION_AFTER_DEADLINE));
      return new JsonObject().put("token", session.token()).put("expiresAt", session.expiresAt().toString())
          .put("attempt", JsonObject.mapFrom(AttemptView.of(opened, assessment, scores.of(assessment, opened), now)));
    }, false).onSuccess(body -> Replies.createdSecret(ctx, body)).onFailure(ctx::fail);
  }

  /** A submission, or a run on the public tests, which is judged the same way and counts for nothing. */
  private void submit(RoutingContext ctx, boolean run) {
    var request = JsonBodies.read(ctx, SubmissionRequest.class, ProblemType.INVALID_SUBMISSION);
    vertx.executeBlocking(() -> {
      var now = clock.instant();
      var visit = visits.asCandidate(Access.caller(ctx), ctx.pathParam("id"), run ? "runs code" : "submits");
      var attempt = visit.attempt();
      if (attempt.status(now) != AttemptStatus.STARTED) {
        throw closed(attempt);
      }
      var pinned = visit.assessment().challenge(SubmissionValidator.require(request.challenge(), "challenge"))
          .orElseThrow(() -> new ProblemException(ProblemType.INVALID_SUBMISSION, "this assessment has no challenge '"
              + request.challenge() + "'; it has " + visit.assessment().challenges().stream()
              .map(c -> c.challengeId()).toList()));
      var served = catalog.at(pinned.challengeId(), pinned.version()).orElseThrow(() -> new ProblemException(
          ProblemType.NOT_FOUND, "version " + pinned.version() + " of " + pinned.challengeId() + " is gone"));
      if (run && !served.pkg().hasPublicTests()) {
        throw new ProblemException(ProblemType.INVALID_SUBMISSION, "challenge '" + pinned.challengeId()
            + "' has no public tests to run; its tests are all hidden, so Submit is how it is judged");
      }
      rateLimit.check(submissions.loadOf(attempt.id(), now.minus(SubmissionRateLimit.WINDOW)));
      return intake.take(validator.accept(request, served, visit.assessment().languages(), attempt.id(),
          visit.assessment().queue(), run, now));
    }, false).onSuccess(stored -> SubmissionRoutes.accepted(ctx, stored,
        BASE + "/" + stored.attemptId() + "/submissions/" + stored.id())).onFailure(ctx::fail);
  }

  private void saveDraft(RoutingContext ctx) {
    var body = JsonBodies.read(ctx, DraftBody.class);
    vertx.executeBlocking(() -> {
      var now = clock.instant();
      var visit = visits.asCandidate(Access.caller(ctx), ctx.pathParam("id"), "saves drafts");
      if (visit.attempt().status(now) != AttemptStatus.STARTED) {
        throw closed(visit.attempt());
      }
      String challenge = ctx.pathParam("challenge");
      if (visit.assessment().challenge(challenge).isEmpty()) {
        throw new ProblemException(ProblemType.NOT_FOUND, "this assessment has no challenge " + challenge);
      }
      var files = SubmissionValidator.require(body.files(), "files");
      SubmissionValidator.checkDraft(files);
      drafts.save(visit.attempt().id(), new Draft(challenge, SubmissionValidator.require(body.language(), "language"),
          files, now));
      return null;
    }, false).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private StoredSubmission submissionOf(AttemptVisits.Visit visit, String submissionId) {
    return submissions.find(submissionId).filter(s -> visit.attempt().id().equals(s.attemptId()))
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "this attempt has no submission " + submissionId));
  }

  private static ProblemException closed(Attempt attempt) {
    return new ProblemException(ProblemType.ATTEMPT_CLOSED, attempt.finishedAt() != null
        ? "this attempt was finished at " + attempt.finishedAt() + "; its submissions stand as they are"
        : "this attempt's time ran out at " + attempt.deadline() + "; the last submission of each challenge counts");
  }

}
