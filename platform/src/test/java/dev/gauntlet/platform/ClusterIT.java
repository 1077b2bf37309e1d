package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.storage.PostgresFixture;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform and its runners as separate processes on loopback, members of one Hazelcast cluster
 * of their own: jobs survive a runner killed with {@code kill -9}, and platforms sharing one PostgreSQL
 * that all stop mid-batch.
 */
@DisplayName("A cluster of platform and runner processes")
class ClusterIT {
  private static final String CHALLENGE = "merge-event-streams";
  /** Short, so that a dead runner's jobs go back to the queue within seconds. */
  private static final String LEASE_SECONDS = "6";
  /** Enough that the runners are lost with work on both sides of them: judged, held and still queued. */
  private static final int BATCH = 16;

  @TempDir
  Path work;
  private final String clusterName = "cluster-it-" + UUID.randomUUID();

  private List<String> options(String node, int port) {
    return List.of("--cluster-name", clusterName, "--data-dir", work.resolve(node).toString(),
        "--challenges", ApiClient.CATALOG.toString(), "--port", Integer.toString(port),
        "--lease-seconds", LEASE_SECONDS, "--warm-pool", "1");
  }

  /** Known submissions of the challenge and the verdict each must get, alternating, {@code count} in all. */
  private static Map<String, String> batch(ApiClient api, int count) throws Exception {
    String right = ApiClient.source(CHALLENGE + "/submissions/accepted/python-stable-sort/main.py");
    String wrong = ApiClient.source(CHALLENGE + "/submissions/wrong_answer/python-heap-by-name/main.py");
    var expected = new LinkedHashMap<String, String>();
    for (int i = 0; i < count; i++) {
      boolean accepted = i % 2 == 0;
      expected.put(api.submit(CHALLENGE, "python", Map.of("main.py", accepted ? right : wrong)),
          accepted ? "ACCEPTED" : "WRONG_ANSWER");
    }
    return expected;
  }

  private static void assertVerdicts(ApiClient api, Map<String, String> expected) throws Exception {
    var wrong = new ArrayList<String>();
    for (var submission : expected.entrySet()) {
      String verdict = api.awaitJudged(submission.getKey()).getString("verdict");
      if (!verdict.equals(submission.getValue())) {
        wrong.add(submission.getKey() + ": " + verdict + ", expected " + submission.getValue());
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** Waits until the runner (one slot) has claimed a job and not yet reported it, so that killing it strands one. */
  private static void awaitMidJob(NodeProcess runner) throws Exception {
    for (int i = 0; i < 600; i++) {
      String log = runner.log();
      if (log.lastIndexOf("judging submission") > Math.max(log.lastIndexOf("(STORED)"), log.lastIndexOf("(DUPLICATE)"))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the runner never held a job:\n" + runner.log());
  }

  /** The submissions whose verdict the platform logged as stored, once per storing. */
  private static List<String> storedVerdicts(String platformLog) {
    return platformLog.lines().filter(l -> l.contains("stored the verdict of "))
        .map(l -> l.replaceAll(".*stored the verdict of (\\S+) from.*", "$1")).toList();
  }

  private static int judgedCount(ApiClient api, Iterable<String> locations) throws Exception {
    int judged = 0;
    for (String location : locations) {
      judged += api.get(location).body().contains("\"JUDGED\"") ? 1 : 0;
    }
    return judged;
  }

  @Test
  @DisplayName("judges every submission of a batch exactly once, rightly, when one runner is killed with kill -9"
      + " and another stopped mid-batch")
  void runnersLost() throws Exception {
    int port = NodeProcess.freePort();
    try (var platform = NodeProcess.start("platform", Role.PLATFORM, work, options("platform", port));
         var stopped = NodeProcess.start("runner-b", Role.RUNNER, work, options("runner-b", 0))) {
      var killed = NodeProcess.start("runner-a", Role.RUNNER, work, options("runner-a", 0));
      var api = new ApiClient(port);
      var expected = batch(api, BATCH);

      while (judgedCount(api, expected.keySet()) < 6) {
        Thread.sleep(200);
      }
      awaitMidJob(killed);
      killed.kill();
      awaitMidJob(stopped);
      stopped.stop();
      assertThat(stopped.log()).contains("handing back 1 job(s)");
      assertThat(sandboxesLeftBy(stopped.pid())).as("a runner that stops leaves no sandbox").isZero();

      try (var successor = NodeProcess.start("runner-c", Role.RUNNER, work, options("runner-c", 0))) {
        assertVerdicts(api, expected);
        var stored = storedVerdicts(platform.log());
        assertThat(stored).as("each verdict stored exactly once").hasSize(BATCH).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(expected.keySet().stream()
                .map(l -> l.substring(l.lastIndexOf('/') + 1)).toList());
        assertThat(platform.log()).as("the killed runner's job went back to the queue")
            .contains("queued again");
        successor.stop();
        assertThat(sandboxesLeftBy(successor.pid())).isZero();
      }
    }
    // What the killed runner left is removed by the next runner to start on this host.
    try (var sandbox = new Sandbox(DockerFixture.docker())) {
      sandbox.removeOrphans();
    }
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  @Test
  @DisplayName("serves from two platform processes on one PostgreSQL, live from either, and completes queued work"
      + " after both stop mid-batch and one starts again, each verdict stored once")
  void platformsShareOneDatabase() throws Exception {
    try (var postgres = PostgresFixture.start();
         var runner = NodeProcess.start("runner", Role.RUNNER, work, options("runner", 0))) {
      var database = List.of("--database-url", postgres.getJdbcUrl(), "--database-user", postgres.getUsername());
      var password = Map.of(PlatformConfig.DATABASE_PASSWORD_ENV, postgres.getPassword());
      int portA = NodeProcess.freePort();
      int portB = NodeProcess.freePort();
      var logs = new ArrayList<String>();
      Map<String, String> expected;
      try (var a = NodeProcess.start("platform-a", Role.PLATFORM, work, with(options("a", portA), database), password);
           var b = NodeProcess.start("platform-b", Role.PLATFORM, work, with(options("b", portB), database), password)) {
        var apiA = new ApiClient(portA);
        var apiB = new ApiClient(portB);
        assertThat(apiB.get("/api/v1/challenges").body()).as("one catalog, published once")
            .isEqualTo(apiA.get("/api/v1/challenges").body()).contains("\"version\":1");

        // Queued behind a batch, so that its stream is open before it is judged.
        expected = new LinkedHashMap<>(batch(apiA, 5));
        String watched = apiA.submit(CHALLENGE, "python",
            Map.of("main.py", ApiClient.source(CHALLENGE + "/submissions/accepted/python-stable-sort/main.py")));
        var events = CompletableFuture.supplyAsync(() -> {
          try {
            return apiB.events(watched + "/events");
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        });
        expected.putAll(batch(apiB, 5));
        assertThat(events.get(3, TimeUnit.MINUTES)).as("the other platform streams the progress and the verdict")
            .anySatisfy(e -> assertThat(e.getKey()).isEqualTo("test"))
            .last().satisfies(e -> assertThat(e.getValue()).contains("\"verdict\":\"ACCEPTED\""));
        expected.put(watched, "ACCEPTED");

        assertThat(judgedCount(apiB, expected.keySet())).as("work is left when both platforms stop")
            .isLessThan(expected.size());
        a.stop();
        b.stop();
        logs.add(a.log());
        logs.add(b.log());
      }
      try (var again = NodeProcess.start("platform-a-again", Role.PLATFORM, work, with(options("a", portA), database),
          password)) {
        assertVerdicts(new ApiClient(portA), expected);
        logs.add(again.log());
      }
      var stored = logs.stream().flatMap(log -> storedVerdicts(log).stream()).toList();
      assertThat(stored).as("each verdict stored exactly once across the platforms").hasSize(expected.size())
          .doesNotHaveDuplicates();
      assertThat(runner.log()).contains("judging submission");
    }
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  private static List<String> with(List<String> options, List<String> more) {
    var all = new ArrayList<>(options);
    all.addAll(more);
    return all;
  }

  /**
   * The sandboxes of a runner that has exited. A removal the runner asked for as it stopped may
   * still be under way in the engine for a moment, so this waits a little for the count to drop.
   */
  private static long sandboxesLeftBy(long pid) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    long left = DockerFixture.ownedBy(pid);
    while (left > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      left = DockerFixture.ownedBy(pid);
    }
    return left;
  }
}
