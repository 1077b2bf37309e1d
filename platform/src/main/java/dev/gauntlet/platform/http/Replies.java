package dev.gauntlet.platform.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/** The answers routes share. */
public final class Replies {
  private Replies() {
  }

  /** Runs blocking work off the event loop and answers with its value as JSON, or with its failure. */
  public static void json(Vertx vertx, RoutingContext ctx, Callable<Object> work) {
    vertx.executeBlocking(work, false).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** Answers 201 with a body that holds a secret (a session, a link): no cache may keep it. */
  public static void createdSecret(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(201)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }
}
