package dev.gauntlet.platform.auth;

import dev.gauntlet.platform.account.StaffRole;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;

/**
 * The gates in front of routes. Each reads the bearer token, checks it, and lets the request on
 * with its {@link Caller} or answers 401 (no valid session) or 403 (a session of the wrong kind).
 * What a caller may see of one assessment or attempt is decided by the route, which has the data.
 */
public final class Access {
  private static final String CALLER = "gauntlet.caller";
  private static final String BEARER = "Bearer ";

  private final SessionTokens sessions;
  private final AuthorToken authorToken;

  public Access(SessionTokens sessions, AuthorToken authorToken) {
    this.sessions = sessions;
    this.authorToken = authorToken;
  }

  /** The caller that a gate let through. */
  public static Caller caller(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    if (caller == null) {
      throw new IllegalStateException(ctx.request().path() + " is mounted without a gate");
    }
    return caller;
  }

  /** Anyone with a valid session, staff or candidate. */
  public Handler<RoutingContext> signedIn() {
    return ctx -> authenticate(ctx, caller -> true, "");
  }

  /** Staff in one of the roles. */
  public Handler<RoutingContext> staff(StaffRole... roles) {
    Set<StaffRole> allowed = Set.copyOf(Arrays.asList(roles));
    String needed = "this needs a staff session as " + String.join(" or ",
        Arrays.stream(roles).map(StaffRole::id).toList());
    return ctx -> authenticate(ctx, caller -> caller instanceof Caller.Staff s && allowed.contains(s.role()), needed);
  }

  /** An author or an admin session, or the author token that scripts use. */
  public Handler<RoutingContext> author() {
    var staff = staff(StaffRole.AUTHOR, StaffRole.ADMIN);
    return ctx -> {
      if (authorToken.carriedBy(ctx)) {
        ctx.next();
      } else {
        staff.handle(ctx);
      }
    };
  }

  private interface Rule {
    boolean allows(Caller caller);
  }

  private void authenticate(RoutingContext ctx, Rule rule, String refusal) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      unauthorized(ctx, "this needs a session: sign in (POST /api/v1/sessions) or open an invitation link"
          + " (POST /api/v1/attempts), then send Authorization: Bearer <token>");
      return;
    }
    // The check may finish later; meanwhile the body waits for the body handler that may come next,
    // which resumes it. A refused request's body is let go.
    boolean paused = !ctx.request().isEnded();
    if (paused) {
      ctx.request().pause();
    }
    Runnable letGo = () -> {
      if (paused && !ctx.request().isEnded()) {
        ctx.request().resume();
      }
    };
    sessions.verify(header.substring(BEARER.length()).strip()).onSuccess(found -> {
      if (found.isEmpty()) {
        letGo.run();
        unauthorized(ctx, "the session token is not valid or has expired; sign in again");
      } else if (!rule.allows(found.get())) {
        letGo.run();
        ctx.fail(new ProblemException(ProblemType.FORBIDDEN, refusal));
      } else {
        ctx.put(CALLER, found.get());
        ctx.next();
      }
    }).onFailure(ctx::fail);
  }

  private static void unauthorized(RoutingContext ctx, String detail) {
    ctx.fail(new ProblemException(ProblemType.UNAUTHORIZED, detail));
  }
}
