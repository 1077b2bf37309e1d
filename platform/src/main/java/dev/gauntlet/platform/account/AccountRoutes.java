package dev.gauntlet.platform.account;

import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.auth.Caller;
import dev.gauntlet.platform.auth.SessionTokens;
import dev.gauntlet.platform.http.JsonBodies;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Replies;
import dev.gauntlet.platform.http.Routes;
import dev.gauntlet.platform.storage.StorageException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signing in ({@code POST /api/v1/sessions}), who am I ({@code GET /api/v1/me}), and an admin's
 * staff accounts ({@code /api/v1/staff}).
 */
public final class AccountRoutes implements Routes {
  /** Password checks running at once; more are turned away with 503 rather than queued. */
  private static final int MAX_CHECKS_AT_ONCE = 4;

  private final Vertx vertx;
  private final StaffAccounts accounts;
  private final SessionTokens sessions;
  private final Access access;
  private final PasswordHasher hasher;
  private final SignInThrottle throttle = new SignInThrottle();
  private final AtomicInteger checking = new AtomicInteger();
  private final Clock clock;

  public AccountRoutes(Vertx vertx, StaffAccounts accounts, SessionTokens sessions, Access access,
                       PasswordHasher hasher, Clock clock) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.sessions = sessions;
    this.access = access;
    this.hasher = hasher;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/sessions").consumes("application/json").handler(this::signIn);
    router.get("/api/v1/me").handler(access.signedIn()).handler(this::me);
    router.post("/api/v1/staff").consumes("application/json").handler(access.staff(StaffRole.ADMIN))
        .handler(this::create);
    router.get("/api/v1/staff").handler(access.staff(StaffRole.ADMIN)).handler(ctx -> vertx.executeBlocking(() ->
            accounts.ofOrganisation(staff(ctx).organisationId()).stream().map(StaffView::of).toList(), false)
        .onSuccess(ctx::json).onFailure(ctx::fail));
  }

  private void signIn(RoutingContext ctx) {
    var request = JsonBodies.read(ctx, SignIn.class);
    if (request.email() == null || request.password() == null) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "send email and password");
    }
    // Not an address: no account can have it, and saying so at once tells nothing.
    String address = EmailAddress.normalised(request.email()).orElseThrow(AccountRoutes::wrong);
    var wait = throttle.begin(address, clock.instant());
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      throw new ProblemException(ProblemType.RATE_LIMITED, SignInThrottle.MAX_FAILURES + " sign-ins for this address"
          + " failed in the last " + SignInThrottle.WINDOW.toMinutes() + " minutes; try again in "
          + (seconds + 59) / 60 + " minute(s)", (int) seconds);
    }
    // Each check takes a deliberate few hundred milliseconds of CPU: a flood of sign-ins must not
    // take every worker thread from the rest of the API.
    if (checking.incrementAndGet() > MAX_CHECKS_AT_ONCE) {
      checking.decrementAndGet();
      throw new ProblemException(ProblemType.UNAVAILABLE, "too many sign-ins at once; try again in a moment", 1);
    }
    vertx.executeBlocking(() -> {
      var account = accounts.byEmail(address);
      // Hashed even without an account, so that the time taken does not tell which addresses have one.
      boolean matches = hasher.matches(request.password().toCharArray(), account.map(StaffAccount::passwordHash)
          .orElse(null));
      if (!matches || account.isEmpty()) {
        throw wrong();
      }
      throttle.succeeded(address);
      var a = account.get();
      var session = sessions.staff(new Caller.Staff(a.id(), a.organisationId(), a.role()), clock.instant());
      return new JsonObject().put("token", session.token()).put("expiresAt", session.expiresAt().toString())
          .put("account", JsonObject.mapFrom(StaffView.of(a)));
    }, false).onComplete(done -> checking.decrementAndGet())
        .onSuccess(body -> Replies.createdSecret(ctx, body)).onFailure(ctx::fail);
  }

  private static ProblemException wrong() {
    return new ProblemException(ProblemType.UNAUTHORIZED, "the e-mail address or the password is wrong");
  }

  private void me(RoutingContext ctx) {
    switch (Access.caller(ctx)) {
      case Caller.Staff staff -> vertx.executeBlocking(() -> accounts.byId(staff.accountId())
              .map(StaffView::of)
              .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, "this account no longer exists")), false)
          .onSuccess(ctx::json).onFailure(ctx::fail);
      case Caller.Candidate candidate -> ctx.json(new JsonObject().put("role", "candidate")
          .put("attemptId", candidate.attemptId()));
    }
  }

  private void create(RoutingContext ctx) {
    var request = JsonBodies.read(ctx, NewStaff.class);
    String email = EmailAddress.normalised(request.email()).orElseThrow(() -> invalid("email must be an e-mail"
        + " address of at most " + EmailAddress.MAX_LENGTH + " characters"));
    StaffRole role = StaffRole.byId(request.role() == null ? "" : request.role())
        .orElseThrow(() -> invalid("role must be admin, manager or author"));
    String weakness = PasswordHasher.weakness(request.password());
    if (weakness != null) {
      throw invalid(weakness);
    }
    String organisation = staff(ctx).organisationId();
    vertx.executeBlocking(() -> {
      var account = new StaffAccount(UUID.randomUUID().toString(), organisation, email, role,
          hasher.hash(request.password().toCharArray()), clock.instant());
      try {
        accounts.create(account);
      } catch (StorageException e) {
        if (e.isDuplicate()) {
          throw new ProblemException(ProblemType.ALREADY_EXISTS, email + " already has an account");
        }
        throw e;
      }
      return account;
    }, false).onSuccess(account -> ctx.response().setStatusCode(201)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(Json.encode(StaffView.of(account)))).onFailure(ctx::fail);
  }

  private static Caller.Staff staff(RoutingContext ctx) {
    return (Caller.Staff) Access.caller(ctx);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
