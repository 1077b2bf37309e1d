package dev.gauntlet.platform.http;

import dev.gauntlet.platform.storage.StorageException;
import dev.gauntlet.runner.distribution.PackageZip;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failed request into an {@code application/problem+json} answer: the problems
 * handlers raise on purpose, the router's own 404/405/413, and anything unexpected as a 500 that
 * says no more than it must.
 */
public final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    Problem problem = problemFor(ctx);
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (ctx.failure() instanceof ProblemException p && p.retryAfterSeconds() > 0) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(p.retryAfterSeconds()));
    }
    if (problem.status() == ProblemType.UNAUTHORIZED.status()) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .end(Json.encode(problem));
  }

  private static Problem problemFor(RoutingContext ctx) {
    String path = ctx.request().path();
    Throwable failure = ctx.failure();
    if (failure instanceof ProblemException p) {
      return Problem.of(p.type(), p.getMessage(), path);
    }
    if (failure instanceof StorageException) {
      log.error("storage failed on {} {}", ctx.request().method(), path, failure);
      return Problem.of(ProblemType.UNAVAILABLE, "the database did not answer; try again", path);
    }
    if (failure == null) {
      switch (ctx.statusCode()) {
        case 404: return Problem.of(ProblemType.NOT_FOUND, "nothing at " + path, path);
        case 405: return Problem.of(ProblemType.METHOD_NOT_ALLOWED, ctx.request().method() + " is not allowed on " + path, path);
        case 413: return Problem.of(ProblemType.BODY_TOO_LARGE, "request bodies are limited to "
            + (ApiLimits.MAX_BODY_BYTES >> 10) + " KiB, package zips to " + (PackageZip.MAX_ZIP_BYTES >> 20) + " MiB",
            path);
        case 415: return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json"
            + " (application/zip to upload a package)", path);
        default: break;
      }
    }
    log.error("unexpected failure on {} {} (status {})", ctx.request().method(), path, ctx.statusCode(), failure);
    return Problem.of(ProblemType.INTERNAL, "something went wrong on our side; it has been logged", path);
  }
}
