package dev.gauntlet.platform.challenge;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Replies;
import dev.gauntlet.platform.http.Routes;
import dev.gauntlet.platform.jobs.JobDispatcher;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.challenge.PackageLoader;
import dev.gauntlet.runner.distribution.FileTrees;
import dev.gauntlet.runner.distribution.PackageArchive;
import dev.gauntlet.runner.distribution.PackageZip;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog under {@code /api/v1/challenges}: what candidates see (the newest published version
 * of each challenge), and, for authors (an author or admin session, or the author token), uploading
 * a package zip, listing, reading, diffing and deleting versions.
 */
public final class ChallengeRoutes implements Routes {
  private static final Logger log = LoggerFactory.getLogger(ChallengeRoutes.class);
  private static final String BASE = "/api/v1/challenges";
  private static final String VERSION = BASE + "/:id/versions/:version";

  private final Vertx vertx;
  private final ChallengeCatalog catalog;
  private final JobDispatcher dispatcher;
  private final Handler<RoutingContext> author;
  private final Path uploads;
  private final Clock clock;

  /** {@code uploads} is a scratch folder where zips are unpacked and checked. */
  public ChallengeRoutes(Vertx vertx, ChallengeCatalog catalog, JobDispatcher dispatcher, Handler<RoutingContext> author,
                         Path uploads, Clock clock) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.author = author;
    this.uploads = uploads;
    this.clock = clock;
  }

  /** Mount before the API's JSON body handler: a package zip may be far larger than a JSON body. */
  @Override
  public void mount(Router router) {
    // The token is checked on a route of its own, before the next one reads the body: Vert.x puts a
    // body handler first within a route, and a stranger must not make the server hold 32 MiB.
    router.post(BASE).consumes("application/zip").handler(author);
    router.post(BASE).consumes("application/zip")
        .handler(BodyHandler.create(false).setBodyLimit(PackageZip.MAX_ZIP_BYTES)).handler(this::upload);
    router.post(BASE).handler(ctx -> ctx.fail(new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "upload a package as a zip, with Content-Type: application/zip")));
    router.get(BASE).handler(ctx -> Replies.json(vertx, ctx, () -> catalog.published().stream().map(ChallengeSummary::of).toList()));
    router.get(BASE + "/:id").handler(ctx -> Replies.json(vertx, ctx, () -> catalog.published(ctx.pathParam("id"))
        .map(ChallengeDetail::of)
        .orElseThrow(() -> notFound("no challenge " + ctx.pathParam("id")))));
    router.get(BASE + "/:id/versions").handler(author).handler(ctx -> Replies.json(vertx, ctx, () -> {
      var versions = catalog.versions().list(ctx.pathParam("id"));
      if (versions.isEmpty()) {
        throw notFound("no challenge " + ctx.pathParam("id"));
      }
      return versions;
    }));
    router.get(VERSION).handler(author).handler(ctx -> Replies.json(vertx, ctx, () -> catalog.versions()
        .detail(ctx.pathParam("id"), version(ctx, "version"))
        .orElseThrow(() -> noVersion(ctx))));
    router.get(VERSION + "/diff").handler(author).handler(ctx -> Replies.json(vertx, ctx, () -> diff(ctx)));
    router.delete(VERSION).handler(author).handler(this::delete);
  }

  private void upload(RoutingContext ctx) {
    byte[] zip = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    vertx.executeBlocking(() -> {
      var publication = publish(zip);
      var version = publication.version();
      // Read back as an author reads any version; a delete in between leaves what was published.
      var detail = catalog.versions().detail(version.challengeId(), version.version())
          .orElseGet(() -> new VersionDetail(version, 0, null));
      return new Uploaded(publication.changed(), detail);
    }, false).onSuccess(uploaded -> {
      var version = uploaded.detail().version();
      ctx.response()
          .setStatusCode(uploaded.changed() ? 202 : 200)
          .putHeader(HttpHeaders.LOCATION, BASE + "/" + version.challengeId() + "/versions/" + version.version())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(Json.encode(uploaded.detail()));
    }).onFailure(ctx::fail);
  }

  private record Uploaded(boolean changed, VersionDetail detail) {
  }

  /**
   * Checks the zip and the package in it the way {@code ./gauntlet challenge verify} does before it
   * judges anything, stores it as a new version and queues its verification: a runner judges its
   * references and known submissions, and only a version that verifies is published.
   */
  private ChallengeVersions.Publication publish(byte[] zip) throws IOException {
    Path scratch = Files.createTempDirectory(Files.createDirectories(uploads), "upload-");
    try {
      Path folder = PackageZip.unpack(zip, scratch);
      String id = PackageLoader.load(folder).id();
      var publication = catalog.versions().publish(id, PackageArchive.of(folder), VersionOrigin.UPLOAD,
          VersionStatus.VERIFYING, clock.instant());
      if (publication.changed()) {
        log.info("uploaded {} version {}; verifying it", id, publication.version().version());
        try {
          dispatcher.verify(publication.version());
        } catch (RuntimeException e) {
          log.error("{} version {} stored but its verification not queued; the next sweep queues it", id,
              publication.version().version(), e);
        }
      }
      return publication;
    } catch (PackageException e) {
      throw new ProblemException(ProblemType.INVALID_PACKAGE, e.getMessage());
    } finally {
      try {
        FileTrees.delete(scratch);
      } catch (IOException e) {
        log.warn("could not remove the upload scratch folder {}: {}", scratch, e.getMessage());
      }
    }
  }

  private VersionDiff diff(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    int to = version(ctx, "version");
    String fromParam = ctx.queryParams().get("from");
    if (fromParam == null) {
      throw new ProblemException(ProblemType.INVALID_PARAMETER, "say which version to compare with: ?from=<version>");
    }
    int from = parse(fromParam, "from");
    var before = catalog.versions().archive(id, from)
        .orElseThrow(() -> notFound("no version " + from + " of " + id + " with its content kept"));
    var after = catalog.versions().archive(id, to)
        .orElseThrow(() -> notFound("no version " + to + " of " + id + " with its content kept"));
    return VersionDiff.between(id, from, before, to, after);
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    vertx.executeBlocking(() -> {
      try {
        return catalog.versions().delete(id, version(ctx, "version"));
      } catch (ChallengeVersions.InUseException e) {
        throw new ProblemException(ProblemType.VERSION_IN_USE, e.getMessage());
      }
    }, false).onSuccess(deleted -> {
      if (deleted) {
        ctx.response().setStatusCode(204).end();
      } else {
        ctx.fail(noVersion(ctx));
      }
    }).onFailure(ctx::fail);
  }


  private static int version(RoutingContext ctx, String param) {
    return parse(ctx.pathParam(param), param);
  }

  private static int parse(String value, String name) {
    try {
      int version = Integer.parseInt(value);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // Answered below, like a number out of range.
    }
    throw new ProblemException(ProblemType.INVALID_PARAMETER, name + " must be a version number from 1, was '"
        + value + "'");
  }

  private static ProblemException noVersion(RoutingContext ctx) {
    return notFound("no version " + ctx.pathParam("version") + " of " + ctx.pathParam("id"));
  }

  private static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }
}
