package dev.gauntlet.platform.assessment;

import dev.gauntlet.platform.account.EmailAddress;
import dev.gauntlet.platform.account.StaffRole;
import dev.gauntlet.platform.attempt.Attempt;
import dev.gauntlet.platform.attempt.AttemptScores;
import dev.gauntlet.platform.attempt.Attempts;
import dev.gauntlet.platform.attempt.InvitationToken;
import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.auth.Caller;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.http.JsonBodies;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Replies;
import dev.gauntlet.platform.http.Routes;
import dev.gauntlet.platform.storage.StorageException;
import dev.gauntlet.runner.language.Language;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * A manager's assessments under {@code /api/v1/assessments}: making one from the catalog, listing
 * them, the ranking of its candidates, and inviting candidates. Managers and admins see only their
 * organisation's; another organisation's assessment is, to them, not there.
 */
public final class AssessmentRoutes implements Routes {
  private static final String BASE = "/api/v1/assessments";
  public static final int MAX_CHALLENGES = 10;
  public static final int MIN_MINUTES = 5;
  public static final int MAX_MINUTES = 600;
  public static final int MAX_NAME_LENGTH = 200;
  /** How long an unopened invitation link starts the attempt. */
  public static final Duration LINK_VALID = Duration.ofDays(14);
  /** The browser page that opens an attempt; the token follows the '#', which browsers never send to a server. */
  public static final String ATTEMPT_PAGE = "/take#";

  private final Vertx vertx;
  private final Assessments assessments;
  private final Attempts attempts;
  private final AttemptScores scores;
  private final ChallengeCatalog catalog;
  private final Access access;
  private final String publicUrl;
  private final Clock clock;

  /** {@code publicUrl}: where candidates reach the platform, for their links; blank to use each request's. */
  public AssessmentRoutes(Vertx vertx, Assessments assessments, Attempts attempts, AttemptScores scores,
                          ChallengeCatalog catalog, Access access, String publicUrl, Clock clock) {
    this.vertx = vertx;
    this.assessments = assessments;
    this.attempts = attempts;
    this.scores = scores;
    this.catalog = catalog;
    this.access = access;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    var managers = access.staff(StaffRole.MANAGER, StaffRole.ADMIN);
    router.post(BASE).consumes("application/json").handler(managers).handler(this::create);
    router.get(BASE).handler(managers).handler(ctx -> Replies.json(vertx, ctx, () -> assessments.ofOrganisation(
        staff(ctx).organisationId()).stream().map(a -> AssessmentView.of(a, null)).toList()));
    router.get(BASE + "/:id").handler(managers).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var assessment = owned(ctx);
      return AssessmentView.of(assessment, ranking(assessment));
    }));
    router.post(BASE + "/:id/invitations").consumes("application/json").handler(managers).handler(this::invite);
    router.post(BASE + "/:id/invitations/:attempt/link").handler(managers).handler(this::replaceLink);
  }

  private void create(RoutingContext ctx) {
    var request = JsonBodies.read(ctx, NewAssessment.class);
    var staff = staff(ctx);
    vertx.executeBlocking(() -> {
      var assessment = check(request, staff);
      assessments.create(assessment);
      return assessment;
    }, false).onSuccess(a -> ctx.response().setStatusCode(201)
        .putHeader(HttpHeaders.LOCATION, BASE + "/" + a.id())
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(Json.encode(AssessmentView.of(a, List.of())))).onFailure(ctx::fail);
  }

  /** The assessment a request describes, with each challenge pinned to its newest published version. */
  private Assessment check(NewAssessment request, Caller.Staff staff) {
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw invalid("name must have between 1 and " + MAX_NAME_LENGTH + " characters");
    }
    var ids = request.challenges() == null ? List.<String>of() : request.challenges();
    if (ids.isEmpty() || ids.size() > MAX_CHALLENGES || new HashSet<>(ids).size() != ids.size()) {
      throw invalid("challenges must name between 1 and " + MAX_CHALLENGES + " challenges, each once");
    }
    Integer minutes = request.timeLimitMinutes();
    if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
      throw invalid("timeLimitMinutes must be between " + MIN_MINUTES + " and " + MAX_MINUTES);
    }
    var scoring = ScoringRule.byId(request.scoring() == null ? "best" : request.scoring())
        .orElseThrow(() -> invalid("scoring must be best or last"));
    var pinned = new ArrayList<PinnedChallenge>();
    var languages = new ArrayList<Language>();
    for (String id : ids) {
      var served = catalog.published(id == null ? "" : id).orElseThrow(() -> invalid("unknown challenge '" + id
          + "'; GET /api/v1/challenges lists them"));
      pinned.add(new PinnedChallenge(id, served.version().version()));
      var taken = served.pkg().manifest().languages();
      var allowed = request.languages() == null ? taken : languages(request.languages());
      if (taken.stream().noneMatch(allowed::contains)) {
        throw invalid("challenge '" + id + "' takes " + taken.stream().map(Language::id).toList()
            + ", none of the languages allowed");
      }
      allowed.stream().filter(l -> !languages.contains(l)).forEach(languages::add);
    }
    return new Assessment(UUID.randomUUID().toString(), staff.organisationId(), name, Duration.ofMinutes(minutes),
        languages, scoring, staff.accountId(), clock.instant(), pinned);
  }

  private static List<Language> languages(List<String> ids) {
    if (ids.isEmpty()) {
      throw invalid("languages must name at least one language, or be left out for all");
    }
    return ids.stream().map(id -> Language.byId(id == null ? "" : id).orElseThrow(() -> invalid("unknown language '"
        + id + "'; known: " + java.util.Arrays.stream(Language.values()).map(Language::id).toList()))).toList();
  }

  private List<CandidateRow> ranking(Assessment assessment) {
    Instant now = clock.instant();
    return scores.of(assessment, attempts.ofAssessment(assessment.id())).stream().map(scored -> {
      var a = scored.attempt();
      return new CandidateRow(a.id(), a.email(), a.status(now).name(), scored.score().score(),
          scored.score().maxScore(), a.invitedAt().toString(), a.startedAt() == null ? null : a.startedAt().toString(),
          a.finishedAt() == null ? null : a.finishedAt().toString());
    }).sorted(Comparator.comparingInt(CandidateRow::score).reversed().thenComparing(CandidateRow::email)).toList();
  }

  private void invite(RoutingContext ctx) {
    var request = JsonBodies.read(ctx, NewInvitation.class);
    String email = EmailAddress.normalised(request.email()).orElseThrow(() -> invalid("email must be an e-mail"
        + " address of at most " + EmailAddress.MAX_LENGTH + " characters"));
    String origin = origin(ctx);
    vertx.executeBlocking(() -> {
      var assessment = owned(ctx);
      Instant now = clock.instant();
      var attempt = new Attempt(UUID.randomUUID().toString(), assessment.id(), email, 1, now, now.plus(LINK_VALID),
          null, null, null);
      String token = InvitationToken.make();
      try {
        attempts.invite(attempt, InvitationToken.hash(token));
      } catch (StorageException e) {
        if (e.isDuplicate()) {
          throw new ProblemException(ProblemType.ALREADY_EXISTS, email + " is invited to this assessment already;"
              + " POST .../invitations/{attempt}/link makes a new link");
        }
        throw e;
      }
      return link(attempt, token, origin);
    }, false).onSuccess(body -> Replies.createdSecret(ctx, body)).onFailure(ctx::fail);
  }

  /** A new link for an invitation that is not over: a lost link, or a session lost with its browser. */
  private void replaceLink(RoutingContext ctx) {
    String origin = origin(ctx);
    vertx.executeBlocking(() -> {
      var assessment = owned(ctx);
      String id = ctx.pathParam("attempt");
      var attempt = attempts.find(id).filter(a -> a.assessmentId().equals(assessment.id()))
          .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "this assessment has no invitation " + id));
      Instant now = clock.instant();
      String token = InvitationToken.make();
      if (!attempts.replaceLink(id, InvitationToken.hash(token), now, now.plus(LINK_VALID))) {
        throw new ProblemException(ProblemType.ATTEMPT_CLOSED, "this attempt is over; a new link would open nothing");
      }
      return link(attempts.find(id).orElseThrow(), token, origin);
    }, false).onSuccess(body -> Replies.createdSecret(ctx, body)).onFailure(ctx::fail);
  }

  /** The link to hand to the candidate; its token is shown this once and kept only as a hash. */
  private static JsonObject link(Attempt attempt, String token, String origin) {
    return new JsonObject().put("attemptId", attempt.id()).put("email", attempt.email())
        .put("link", origin + ATTEMPT_PAGE + token).put("token", token)
        .put("linkExpiresAt", attempt.linkExpiresAt().toString());
  }

  /**
   * The configured public URL, else where the manager reached the platform, which is where the
   * candidate will: behind a proxy that ends TLS only the configured one is right.
   */
  private String origin(RoutingContext ctx) {
    if (!publicUrl.isBlank()) {
      return publicUrl;
    }
    var uri = URI.create(ctx.request().absoluteURI());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** The assessment in the path, when it is of the caller's organisation. */
  private Assessment owned(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return assessments.find(id, staff(ctx).organisationId())
        .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no assessment " + id));
  }

  private static Caller.Staff staff(RoutingContext ctx) {
    return (Caller.Staff) Access.caller(ctx);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }

}
