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
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;

/**
 * A candidate's attempt under {@code /api/v1/attempts}: opening it with the invitation link's
 * token, reading it and its statements at their pinned versions, and saying it is done. Its
 * reviewers read the same.
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
  private final ChallengeCatalog catalog;
  private final SessionTokens sessions;
  private final Access access;
  private final Clock clock;

  public AttemptRoutes(Vertx vertx, Attempts attempts, Assessments assessments, AttemptVisits visits,
                       AttemptScores scores, ChallengeCatalog catalog, SessionTokens sessions, Access access,
                       Clock clock) {
    this.vertx = vertx;
    this.attempts = attempts;
    this.assessments = assessments;
    this.visits = visits;
    this.scores = scores;
    this.catalog = catalog;
    this.sessions = sessions;
    this.access = access;
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
    router.post(BASE + "/:id/finish").handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var visit = visits.asCandidate(Access.caller(ctx), ctx.pathParam("id"), "finishes an attempt");
      if (!attempts.finish(visit.attempt().id(), clock.instant())) {
        throw AttemptVisits.closed(visit.attempt());
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
          throw AttemptVisits.closed(attempt);
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


}
