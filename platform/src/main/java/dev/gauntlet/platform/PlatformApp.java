package dev.gauntlet.platform;

import dev.gauntlet.platform.challenge.ChallengeRoutes;
import dev.gauntlet.platform.cluster.ClusterSettings;
import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.http.HttpVerticle;
import dev.gauntlet.platform.storage.Database;
import dev.gauntlet.platform.submission.JobDispatcher;
import dev.gauntlet.platform.submission.LeaseReaper;
import dev.gauntlet.platform.submission.SubmissionEvents;
import dev.gauntlet.platform.submission.SubmissionRepository;
import dev.gauntlet.platform.submission.SubmissionRoutes;
import dev.gauntlet.platform.submission.VerdictRecorder;
import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.docker.DockerClients;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.judge.RetryingJudge;
import dev.gauntlet.runner.judge.stdio.StdioJudge;
import dev.gauntlet.runner.node.RunnerOptions;
import dev.gauntlet.runner.node.RunnerVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in one process, as {@code ./gauntlet up} runs it: catalog, database, a
 * one-member Hazelcast cluster, the HTTP API, and a runner judging in Docker.
 */
public final class PlatformApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlatformApp.class);
  private static final int ENGINE_ATTEMPTS = 3;
  private static final Duration ENGINE_BACKOFF = Duration.ofSeconds(2);
  /** A runner renews its lease every third of it, so one missed renewal costs nothing. */
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration RENEW_EVERY = LEASE.dividedBy(3);
  private static final Duration REAP_EVERY = Duration.ofSeconds(5);
  private static final int JOB_ATTEMPTS = 3;

  private final Vertx vertx;
  private final Database database;
  private final int port;
  private final Sandbox sandbox;
  private final AutoCloseable docker;

  private PlatformApp(Vertx vertx, Database database, int port, Sandbox sandbox, AutoCloseable docker) {
    this.vertx = vertx;
    this.database = database;
    this.port = port;
    this.sandbox = sandbox;
    this.docker = docker;
  }

  /** Starts everything and returns once the API answers; fails with a message an operator can act on. */
  public static PlatformApp start(PlatformConfig config) throws Exception {
    Catalog catalog = Catalog.load(config.challenges());
    createDataDir(config);
    var docker = DockerClients.fromEnvironment();
    Database database = null;
    Vertx vertx = null;
    Sandbox sandbox = null;
    try {
      docker.pingCmd().exec();
      new RuntimeImages(docker).ensureAll();
      sandbox = new Sandbox(docker, config.warmPool());
      sandbox.removeOrphans();
      database = Database.embedded(config.dataDir());
      var cluster = new HazelcastClusterManager(ClusterSettings.loopback(config.clusterName()));
      var options = new VertxOptions();
      options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
      vertx = await(Vertx.builder().with(options).withClusterManager(cluster).buildClustered());

      var clock = Clock.systemUTC();
      var submissions = new SubmissionRepository(database.dataSource());
      var jobs = new JobTable(cluster.getHazelcastInstance(), LEASE);
      var dispatcher = new JobDispatcher(jobs, vertx.eventBus(), clock);
      await(vertx.deployVerticle(new VerdictRecorder(submissions, jobs, clock)));
      await(vertx.deployVerticle(new LeaseReaper(jobs, submissions, dispatcher, catalog, clock, REAP_EVERY,
          JOB_ATTEMPTS)));
      var http = new HttpVerticle(config.host(), config.port(), new ChallengeRoutes(catalog),
          new SubmissionRoutes(vertx, submissions, catalog, dispatcher, clock, config.maxQueue()),
          new SubmissionEvents(vertx, submissions));
      await(vertx.deployVerticle(http));
      var judge = new RetryingJudge(new StdioJudge(sandbox), ENGINE_ATTEMPTS, ENGINE_BACKOFF);
      await(vertx.deployVerticle(new RunnerVerticle(jobs, catalog, judge,
          new RunnerOptions(cluster.getNodeId(), config.slots(), RENEW_EVERY))));
      dispatcher.queueStranded(submissions);
      log.info("Gauntlet is up on http://{}:{}/api/v1/challenges ({} challenges, data in {})",
          config.host(), http.actualPort(), catalog.all().size(), config.dataDir().toAbsolutePath());
      return new PlatformApp(vertx, database, http.actualPort(), sandbox, docker);
    } catch (Exception | Error e) {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get();
      }
      if (sandbox != null) {
        sandbox.close();
      }
      if (database != null) {
        database.close();
      }
      closeQuietly(docker);
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** The warm pool's sandboxes waiting for a run. */
  public Set<String> idleSandboxes() {
    return sandbox.idle();
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("Vert.x did not close cleanly", e.getCause());
    } finally {
      // A submission being judged stays unfinished in the database and is queued again at the next start.
      sandbox.close();
      database.close();
      closeQuietly(docker);
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      log.warn("could not close {}", resource, e);
    }
  }

  private static void createDataDir(PlatformConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
