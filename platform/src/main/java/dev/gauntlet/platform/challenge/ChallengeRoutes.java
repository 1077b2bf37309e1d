package dev.gauntlet.platform.challenge;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.runner.challenge.Catalog;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/challenges} and {@code GET /api/v1/challenges/{id}}. */
public final class ChallengeRoutes {
  private final Catalog catalog;

  public ChallengeRoutes(Catalog catalog) {
    this.catalog = catalog;
  }

  public void mount(Router router) {
    router.get("/api/v1/challenges").handler(ctx -> ctx.json(catalog.all().stream().map(ChallengeSummary::of).toList()));
    router.get("/api/v1/challenges/:id").handler(this::show);
  }

  private void show(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    var pkg = catalog.find(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no challenge " + id));
    ctx.json(ChallengeDetail.of(pkg));
  }
}
