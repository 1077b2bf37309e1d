import dev.gauntlet.platform.cluster.ClusterSettings;
import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.job.JobTable;
import dev.gauntlet.runner.job.Lease;
import dev.gauntlet.runner.job.VerdictReport;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.Verdict;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cluster's cost per job, without the sandbox: a platform member queues a job, a runner member
 * claims it, renews its lease once, and reports a verdict over the event bus; the platform checks
 * the lease and removes the job before it answers, as VerdictRecorder does (less the database
 * write). Two Hazelcast members in one JVM, on loopback. Then the memory of 10,000 queued jobs and
 * the per-job cost with that many waiting. Run by ./run.
 */
public class ClusterOverhead {
  private static final String FILES = "x".repeat(2_000);
  private static final int DEFAULT_MAX_QUEUE = 500;

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    int deep = Integer.parseInt(args[1]);
    Path results = Path.of(args[2]);
    var settings = new ClusterSettings("bench-" + UUID.randomUUID(), "127.0.0.1", 5901, List.of("127.0.0.1"), 0);
    var platformCluster = new HazelcastClusterManager(settings.hazelcastConfig());
    var runnerCluster = new HazelcastClusterManager(settings.hazelcastConfig());
    Vertx platform = clustered(platformCluster);
    Vertx runner = clustered(runnerCluster);
    try {
      var onPlatform = new JobTable(platformCluster.getHazelcastInstance(), Duration.ofSeconds(30));
      var onRunner = new JobTable(runnerCluster.getHazelcastInstance(), Duration.ofSeconds(30));
      platform.eventBus().<JsonObject>consumer(VerdictReport.ADDRESS, message -> {
        var lease = message.body().mapTo(VerdictReport.class).lease();
        platform.executeBlocking(() -> onPlatform.isHeld(lease) && onPlatform.complete(lease), false)
            .onSuccess(done -> message.reply(done ? "STORED" : "NOT_HOLDER"));
      }).completion().toCompletionStage().toCompletableFuture().get();

      double[] shallow = perJob(onPlatform, onRunner, runner, runs, "shallow");
      long before = memory(platformCluster, runnerCluster);
      for (int i = 0; i < DEFAULT_MAX_QUEUE; i++) {
        onPlatform.enqueue(job("queued-" + i), i);
      }
      double[] atMaxQueue = perJob(onPlatform, onRunner, runner, Math.min(runs, 200), "max-queue");
      for (int i = DEFAULT_MAX_QUEUE; i < deep; i++) {
        onPlatform.enqueue(job("queued-" + i), i);
      }
      long perQueuedJob = (memory(platformCluster, runnerCluster) - before) / deep;
      double[] deepRuns = perJob(onPlatform, onRunner, runner, Math.min(runs, 200), "deep");

      String report = """
          # Cluster overhead

          Measured %s on %d cores: two Hazelcast members in one JVM on loopback (a platform and a
          runner), the job table as Gauntlet runs it (one backup). Per job: the platform queues
          it, the runner claims it, renews its lease once and reports a verdict over the event bus,
          and the platform checks the lease and removes the job before it answers (no database
          write, no sandbox). Each job is %d bytes of files.

          | queue | jobs timed | p50 | p95 | mean |
          |---|---|---|---|---|
          %s
          %s
          %s

          A runner chooses its next job (queues take turns) by a scan of the jobs' ids, states, times and
          queues, and a read of when each waiting queue was last served, so the
          cost grows with the queue; `--max-queue` (default %d) bounds it in practice.

          Memory of %d queued jobs in the job table, primary and backup entries together (Hazelcast's
          own accounting): %d bytes per job, %.1f MiB in all.
          """.formatted(Instant.now().toString().substring(0, 10), Runtime.getRuntime().availableProcessors(),
          FILES.length(), row("empty", shallow), row(DEFAULT_MAX_QUEUE + " queued ahead (the default --max-queue)",
              atMaxQueue), row(deep + " queued ahead", deepRuns), DEFAULT_MAX_QUEUE, deep, perQueuedJob,
          perQueuedJob * (double) deep / (1 << 20));
      Files.writeString(results, report);
      System.out.print(report);
    } finally {
      runner.close().toCompletionStage().toCompletableFuture().get();
      platform.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  /** Queue, claim, renew, report and acknowledge, one job at a time; milliseconds per job, sorted. */
  private static double[] perJob(JobTable onPlatform, JobTable onRunner, Vertx runner, int runs, String prefix)
      throws Exception {
    int warmUp = 50;
    double[] millis = new double[runs];
    for (int i = 0; i < warmUp + runs; i++) {
      String id = prefix + "-" + i;
      long start = System.nanoTime();
      // Oldest first: with a deep queue, give this job the oldest time so that it is the one claimed.
      onPlatform.enqueue(job(id), -1_000_000L + i);
      var claim = onRunner.claimNext("runner", System.currentTimeMillis()).orElseThrow();
      Lease lease = claim.lease();
      if (!lease.jobId().equals(id) || !onRunner.renew(lease, System.currentTimeMillis())) {
        throw new IllegalStateException("claimed " + lease.jobId() + " instead of " + id);
      }
      var report = new VerdictReport(lease, new JudgeResult(Verdict.ACCEPTED, 100, 100, null, List.of()));
      String answer = runner.eventBus().<String>request(VerdictReport.ADDRESS, JsonObject.mapFrom(report))
          .toCompletionStage().toCompletableFuture().get().body();
      if (!answer.equals("STORED")) {
        throw new IllegalStateException(id + ": " + answer);
      }
      if (i >= warmUp) {
        millis[i - warmUp] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(millis);
    return millis;
  }

  private static Job job(String id) {
    return Job.judging(id, "bench", 1, "0".repeat(64), Language.PYTHON, Map.of("main.py", FILES));
  }

  private static long memory(HazelcastClusterManager... members) {
    long bytes = 0;
    for (var member : members) {
      var stats = member.getHazelcastInstance().getMap(JobTable.MAP_NAME).getLocalMapStats();
      bytes += stats.getOwnedEntryMemoryCost() + stats.getBackupEntryMemoryCost();
    }
    return bytes;
  }

  private static Vertx clustered(HazelcastClusterManager cluster) throws Exception {
    var options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    return Vertx.builder().with(options).withClusterManager(cluster).buildClustered()
        .toCompletionStage().toCompletableFuture().get();
  }

  private static String row(String queue, double[] sorted) {
    double mean = Arrays.stream(sorted).average().orElse(0);
    return "| %s | %d | %.2f ms | %.2f ms | %.2f ms |".formatted(queue, sorted.length, percentile(sorted, 50),
        percentile(sorted, 95), mean);
  }

  private static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
