package dev.gauntlet.platform.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/** The HTTP API under {@code /api/v1}; every error it answers is a problem document. */
public final class HttpVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final Routes uploads;
  private final List<Routes> api;
  private HttpServer server;

  /**
   * @param uploads routes that read large bodies under their own limit, mounted before the JSON body handler
   * @param api     every other feature's routes
   */
  public HttpVerticle(String host, int port, Routes uploads, List<Routes> api) {
    this.host = host;
    this.port = port;
    this.uploads = uploads;
    this.api = List.copyOf(api);
  }

  @Override
  public Future<?> start() {
    return BodySchemas.load(vertx).compose(this::listen);
  }

  private Future<HttpServer> listen(BodySchemas schemas) {
    Router router = Router.router(vertx);
    // First: a package upload reads its body under its own, larger limit.
    uploads.mount(router);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(ApiLimits.MAX_BODY_BYTES))
        .handler(schemas.attach()).handler(HttpVerticle::noStoreWhenSignedIn);
    router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml")
        .sendFile(BodySchemas.DOCUMENT));
    api.forEach(routes -> routes.mount(router));

    var problems = new ProblemHandler();
    router.route().failureHandler(problems);
    for (int status : new int[] {404, 405, 413, 415}) {
      router.errorHandler(status, problems);
    }
    return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
  }

  /** What a session reads (code, scores, addresses) is for that session alone: no cache may keep it. */
  private static void noStoreWhenSignedIn(RoutingContext ctx) {
    if (ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    ctx.next();
  }

  /** The port really bound, which differs from the configured one when that was 0. */
  public int actualPort() {
    return server.actualPort();
  }
}
