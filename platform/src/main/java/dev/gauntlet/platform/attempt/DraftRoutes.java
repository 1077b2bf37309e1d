package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.http.JsonBodies;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Replies;
import dev.gauntlet.platform.http.Routes;
import dev.gauntlet.platform.submission.SubmissionValidator;
import dev.gauntlet.runner.language.Language;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** A candidate's work in progress, saved as they type while the clock runs, and read back on a reload. */
public final class DraftRoutes implements Routes {
  private static final String BASE = "/api/v1/attempts/:id/drafts";

  private final Vertx vertx;
  private final AttemptVisits visits;
  private final Drafts drafts;
  private final Access access;
  private final Clock clock;

  public DraftRoutes(Vertx vertx, AttemptVisits visits, Drafts drafts, Access access, Clock clock) {
    this.vertx = vertx;
    this.visits = visits;
    this.drafts = drafts;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    var signedIn = access.signedIn();
    router.put(BASE + "/:challenge").consumes("application/json").handler(signedIn).handler(this::save);
    router.get(BASE).handler(signedIn).handler(ctx -> Replies.json(vertx, ctx, () ->
        drafts.ofAttempt(visits.asCandidate(Access.caller(ctx), ctx.pathParam("id"), "reads drafts").attempt().id())));
  }

  private void save(RoutingContext ctx) {
    var body = JsonBodies.read(ctx, DraftBody.class);
    vertx.executeBlocking(() -> {
      var now = clock.instant();
      var visit = visits.running(Access.caller(ctx), ctx.pathParam("id"), "saves drafts", now);
      String challenge = ctx.pathParam("challenge");
      if (visit.assessment().challenge(challenge).isEmpty()) {
        throw new ProblemException(ProblemType.NOT_FOUND, "this assessment has no challenge " + challenge);
      }
      var language = Language.byId(SubmissionValidator.require(body.language(), "language"))
          .filter(visit.assessment().languages()::contains)
          .orElseThrow(() -> new ProblemException(ProblemType.INVALID_REQUEST, "this assessment takes "
              + visit.assessment().languages().stream().map(Language::id).toList() + ", not '" + body.language() + "'"));
      var files = SubmissionValidator.require(body.files(), "files");
      SubmissionValidator.checkDraft(files);
      drafts.save(visit.attempt().id(), new Draft(challenge, language.id(), files, now));
      return null;
    }, false).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
