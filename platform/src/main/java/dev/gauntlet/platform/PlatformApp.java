package dev.gauntlet.platform;

import dev.gauntlet.platform.account.AccountRoutes;
import dev.gauntlet.platform.account.PasswordHasher;
import dev.gauntlet.platform.account.StaffAccounts;
import dev.gauntlet.platform.assessment.AssessmentRoutes;
import dev.gauntlet.platform.assessment.Assessments;
import dev.gauntlet.platform.attempt.AttemptRoutes;
import dev.gauntlet.platform.attempt.AttemptSubmissionRoutes;
import dev.gauntlet.platform.attempt.AttemptVisits;
import dev.gauntlet.platform.attempt.DraftRoutes;
import dev.gauntlet.platform.attempt.AttemptScores;
import dev.gauntlet.platform.attempt.Attempts;
import dev.gauntlet.platform.attempt.Drafts;
import dev.gauntlet.platform.attempt.SubmissionRateLimit;
import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.auth.AuthorToken;
import dev.gauntlet.platform.auth.SessionTokens;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.challenge.ChallengeRoutes;
import dev.gauntlet.platform.challenge.ChallengeVersions;
import dev.gauntlet.platform.challenge.VerificationRecorder;
import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.http.HttpVerticle;
import dev.gauntlet.platform.similarity.SimilarityRoutes;
import dev.gauntlet.platform.storage.Database;
import dev.gauntlet.platform.jobs.JobDispatcher;
import dev.gauntlet.platform.jobs.LeaseReaper;
import dev.gauntlet.platform.submission.SubmissionEvents;
import dev.gauntlet.platform.submission.SubmissionIntake;
import dev.gauntlet.platform.submission.SubmissionRepository;
import dev.gauntlet.platform.submission.SubmissionRoutes;
import dev.gauntlet.platform.submission.SubmissionValidator;
import dev.gauntlet.platform.submission.VerdictRecorder;
import dev.gauntlet.platform.web.WebRoutes;
import dev.gauntlet.runner.distribution.PackageCache;
import dev.gauntlet.runner.distribution.PackageStore;
import dev.gauntlet.runner.docker.DockerClients;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.judge.RetryingJudge;
import dev.gauntlet.runner.judge.JudgeByKind;
import dev.gauntlet.runner.node.RunnerOptions;
import dev.gauntlet.runner.node.RunnerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gauntlet process, a member of the Hazelcast cluster in its {@link Role}: the platform (catalog,
 * database, HTTP API), a runner judging in Docker, or both, as {@code ./gauntlet up} runs it.
 */
public final class PlatformApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlatformApp.class);
  private static final int ENGINE_ATTEMPTS = 3;
  private static final Duration ENGINE_BACKOFF = Duration.ofSeconds(2);
  private static final Duration REAP_EVERY = Duration.ofSeconds(5);
  private static final int JOB_ATTEMPTS = 3;

  /** Closed last first: Vert.x before the database and the sandboxes its verticles use. */
  private final Deque<AutoCloseable> resources;
  private final int port;
  private final Sandbox sandbox;

  private PlatformApp(Deque<AutoCloseable> resources, int port, Sandbox sandbox) {
    this.resources = resources;
    this.port = port;
    this.sandbox = sandbox;
  }

  /** Starts the role and returns once it works; fails with a message an operator can act on. */
  public static PlatformApp start(PlatformConfig config, Role role) throws Exception {
    var resources = new ArrayDeque<AutoCloseable>();
    try {
      createDataDir(config);
      Sandbox sandbox = role.judges() ? openSandbox(config, resources) : null;
      Database database = null;
      if (role.serves()) {
        database = Database.open(config.database(), config.dataDir());
        resources.push(database);
      }
      var cluster = new HazelcastClusterManager(config.cluster().hazelcastConfig());
      var options = new VertxOptions();
      options.getEventBusOptions().setHost(config.cluster().host()).setPort(config.cluster().busPort());
      var vertx = await(Vertx.builder().with(options).withClusterManager(cluster).buildClustered());
      resources.push(() -> await(vertx.close()));

      var hazelcast = cluster.getHazelcastInstance();
      var jobs = new JobTable(hazelcast, config.lease());
      var store = new PackageStore(hazelcast);
      int port = -1;
      if (role.serves()) {
        var clock = Clock.systemUTC();
        var submissions = new SubmissionRepository(database.dataSource());
        var versions = new ChallengeVersions(database.dataSource());
        var catalog = new ChallengeCatalog(versions, config.dataDir().resolve("packages"));
        catalog.publishFolder(config.challenges(), clock.instant());
        var dispatcher = new JobDispatcher(jobs, versions, store, vertx.eventBus(), clock);
        await(vertx.deployVerticle(new VerdictRecorder(submissions, jobs, clock)));
        await(vertx.deployVerticle(new VerificationRecorder(versions, jobs)));
        await(vertx.deployVerticle(new LeaseReaper(jobs, hazelcast.getCluster(), submissions, dispatcher, catalog, clock,
            REAP_EVERY, JOB_ATTEMPTS)));
        var http = httpVerticle(vertx, config, database.dataSource(), catalog, dispatcher, submissions, clock);
        await(vertx.deployVerticle(http));
        port = http.actualPort();
        dispatcher.queueStranded(submissions);
        log.info("Gauntlet is up on http://{}:{}/ ({} challenges, data in {}{})", config.host(), port,
            versions.newestPublished().size(), config.dataDir().toAbsolutePath(), config.authorToken().isBlank()
                ? "; the author token is in " + config.dataDir().resolve(AuthorToken.FILE).toAbsolutePath() : "");
      }
      if (role.judges()) {
        var judge = new RetryingJudge(new JudgeByKind(sandbox), ENGINE_ATTEMPTS, ENGINE_BACKOFF);
        var packages = new PackageCache(store, config.dataDir().resolve("packages"));
        // A runner renews every third of its lease, so one missed renewal costs nothing.
        // Known by its Hazelcast member's id, so that platforms can tell when it left the cluster.
        String runnerId = hazelcast.getCluster().getLocalMember().getUuid().toString();
        await(vertx.deployVerticle(new RunnerVerticle(jobs, packages, judge,
            new RunnerOptions(runnerId, config.slots(), config.lease().dividedBy(3)))));
      }
      return new PlatformApp(resources, port, sandbox);
    } catch (Exception | Error e) {
      closeAll(resources);
      throw e;
    }
  }

  /** The HTTP API and the pages, each feature's routes wired to what they use. */
  private static HttpVerticle httpVerticle(Vertx vertx, PlatformConfig config, DataSource db, ChallengeCatalog catalog,
                                           JobDispatcher dispatcher, SubmissionRepository submissions, Clock clock) {
    var sessions = SessionTokens.of(vertx, config.sessionKey(), config.dataDir());
    var access = new Access(sessions, AuthorToken.of(config.authorToken(), config.dataDir()));
    var intake = new SubmissionIntake(submissions, dispatcher, config.maxQueue());
    var validator = new SubmissionValidator(catalog);
    var events = new SubmissionEvents(vertx, submissions);
    var assessments = new Assessments(db);
    var attempts = new Attempts(db);
    var scores = new AttemptScores(submissions, catalog);
    var visits = new AttemptVisits(attempts, assessments);
    return new HttpVerticle(config.host(), config.port(),
        new ChallengeRoutes(vertx, catalog, dispatcher, access.author(), config.dataDir().resolve("uploads"), clock),
        List.of(new WebRoutes(), new SubmissionRoutes(vertx, submissions, validator, intake, assessments, clock), events,
            new AccountRoutes(vertx, new StaffAccounts(db), sessions, access, new PasswordHasher(), clock),
            new AssessmentRoutes(vertx, assessments, attempts, scores, catalog, access, config.publicUrl(), clock),
            new SimilarityRoutes(vertx, assessments, attempts, scores, catalog, access),
            new AttemptRoutes(vertx, attempts, assessments, visits, scores, catalog, sessions, access, clock),
            new AttemptSubmissionRoutes(vertx, visits, submissions, validator, intake, events, catalog, access,
                SubmissionRateLimit.DEFAULT, clock),
            new DraftRoutes(vertx, visits, new Drafts(db), access, clock)));
  }

  private static Sandbox openSandbox(PlatformConfig config, Deque<AutoCloseable> resources) {
    var docker = DockerClients.fromEnvironment();
    resources.push(docker);
    docker.pingCmd().exec();
    new RuntimeImages(docker).ensureJudgingImages();
    var sandbox = new Sandbox(docker, config.warmPool());
    // Pushed after the client: a runner that stops removes its sandboxes before the client closes.
    resources.push(sandbox);
    sandbox.removeOrphans();
    return sandbox;
  }

  /** The HTTP port, for a role that serves. */
  public int port() {
    return port;
  }

  /** The warm pool's sandboxes waiting for a run, for a role that judges. */
  public Set<String> idleSandboxes() {
    return sandbox == null ? Set.of() : sandbox.idle();
  }

  /** Stops everything. A submission being judged stays unfinished in the database and is queued again later. */
  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      var resource = resources.pop();
      try {
        resource.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        log.warn("could not close {}", resource, e);
      }
    }
  }

  private static void createDataDir(PlatformConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
