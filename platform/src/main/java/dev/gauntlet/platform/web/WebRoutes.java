package dev.gauntlet.platform.web;

import dev.gauntlet.platform.http.Routes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Map;

/**
 * The browser pages, served from the classpath: plain HTML, CSS and JavaScript modules, and the
 * editor from its WebJar, so nothing needs Node to build or run. Every page talks to the same
 * {@code /api/v1} as a script would. The headers keep pages from being framed or from loading
 * anything but their own files.
 */
public final class WebRoutes implements Routes {
  /** Each page's path and its file under {@code webroot}. */
  private static final Map<String, String> PAGES = Map.of(
      "/", "index.html",
      "/login", "login.html",
      "/manage", "manage.html",
      "/take", "take.html",
      "/author", "author.html");
  private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public void mount(Router router) {
    router.route("/assets/*").handler(WebRoutes::secure).handler(StaticHandler.create("webroot/assets"));
    router.route("/webjars/*").handler(WebRoutes::secure)
        .handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
    PAGES.forEach((path, file) -> router.get(path).handler(WebRoutes::secure).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .sendFile("webroot/" + file)));
  }

  private static void secure(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    ctx.next();
  }
}
