package dev.gauntlet.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.gauntlet.runner.language.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The job table, on two real Hazelcast members")
class JobTableIT {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Consumer<Job> NEVER_GIVEN_UP = job -> {
    throw new AssertionError("gave up " + job.id());
  };
  private static HazelcastInstance first;
  private static HazelcastInstance second;
  private JobTable onFirst;
  private JobTable onSecond;

  @BeforeAll
  static void cluster() {
    String name = "job-table-" + UUID.randomUUID();
    first = Hazelcast.newHazelcastInstance(loopback(name));
    second = Hazelcast.newHazelcastInstance(loopback(name));
    assertThat(first.getCluster().getMembers()).hasSize(2);
  }

  @AfterAll
  static void shutdown() {
    second.shutdown();
    first.shutdown();
  }

  @BeforeEach
  void emptyTable() {
    first.getMap(JobTable.MAP_NAME).clear();
    first.getMap(JobTable.SERVED_MAP_NAME).clear();
    onFirst = new JobTable(first, LEASE);
    onSecond = new JobTable(second, LEASE);
  }

  private static Config loopback(String clusterName) {
    var config = new Config().setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    var network = config.getNetworkConfig().setPort(5801).setPortCount(10).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    network.getJoin().getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
    return config;
  }

  private static Job job(String id) {
    return Job.judging(id, "sum", 1, "0".repeat(64), Language.PYTHON, Map.of("main.py", "print(1)"));
  }

  @Test
  @DisplayName("takes the oldest job of the queue with the fewest jobs being judged, so a batch cannot starve a single job")
  void fairBetweenQueues() {
    queueBatchThenTwo();

    assertThat(onSecond.claimNext("r1", 200).orElseThrow().job().id()).as("the oldest job overall").isEqualTo("batch-0");
    assertThat(onSecond.claimNext("r2", 200).orElseThrow().job().id()).as("a queue with nothing being judged goes next")
        .isEqualTo("single");
    assertThat(onSecond.claimNext("r3", 200).orElseThrow().job().id()).as("both queues busy once: oldest first")
        .isEqualTo("batch-1");
    assertThat(onSecond.claimNext("r4", 200).orElseThrow().job().id()).as("assessment-b has one being judged, a has two")
        .isEqualTo("later");
    assertThat(onSecond.claimNext("r5", 200).orElseThrow().job().id()).isEqualTo("batch-2");
  }

  @Test
  @DisplayName("lets queues take turns when there is one runner slot, which never leaves a queue busy while it chooses")
  void turnsWithOneSlot() {
    queueBatchThenTwo();

    var order = new ArrayList<String>();
    for (int turn = 0; turn < 5; turn++) {
      var claim = onSecond.claimNext("only-slot", 200 + turn).orElseThrow();
      order.add(claim.job().id());
      assertThat(onFirst.complete(claim.lease())).isTrue();
    }

    assertThat(order).containsExactly("batch-0", "single", "batch-1", "later", "batch-2");
  }

  /** Twenty jobs of assessment-a, then two of assessment-b. */
  private void queueBatchThenTwo() {
    for (int i = 0; i < 20; i++) {
      onFirst.enqueue(inQueue("batch-" + i, "assessment-a"), i);
    }
    onFirst.enqueue(inQueue("single", "assessment-b"), 100);
    onFirst.enqueue(inQueue("later", "assessment-b"), 101);
  }

  private static Job inQueue(String id, String queue) {
    return new Job(id, JobKind.JUDGE, "sum", 1, "0".repeat(64), Language.PYTHON, Map.of("main.py", "print(1)"), queue);
  }

  @Test
  @DisplayName("gives each job to exactly one runner when runners on both members claim at once")
  void claimsOnce() throws Exception {
    for (int i = 0; i < 40; i++) {
      assertThat(onFirst.enqueue(job("s" + i), i)).isTrue();
    }
    assertThat(onSecond.enqueue(job("s0"), 99)).as("a job is queued once per submission").isFalse();

    var claimed = Collections.synchronizedList(new ArrayList<String>());
    try (var pool = Executors.newFixedThreadPool(4)) {
      var runners = new ArrayList<Future<?>>();
      for (int r = 0; r < 4; r++) {
        JobTable table = r % 2 == 0 ? onFirst : onSecond;
        String runner = "runner-" + r;
        runners.add(pool.submit(() -> {
          for (var next = table.claimNext(runner, 0); next.isPresent(); next = table.claimNext(runner, 0)) {
            claimed.add(next.get().job().id());
          }
        }));
      }
      for (var runner : runners) {
        runner.get();
      }
    }
    assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("queues a job again when its runner stops renewing the lease, and counts only the new holder")
  void expiredLease() {
    onFirst.enqueue(job("s1"), 0);
    var dead = onFirst.claimNext("dead-runner", 1_000).orElseThrow().lease();
    onSecond.requeueExpired(1_000 + LEASE.toMillis(), 3, NEVER_GIVEN_UP);
    assertThat(onSecond.claimNext("other-runner", 1_000)).as("still leased").isEmpty();

    onSecond.requeueExpired(1_001 + LEASE.toMillis(), 3, NEVER_GIVEN_UP);
    var other = onSecond.claimNext("other-runner", 40_000).orElseThrow().lease();

    assertThat(onFirst.renew(dead, 40_001)).isFalse();
    assertThat(onFirst.isHeld(dead)).isFalse();
    assertThat(onFirst.complete(dead)).as("a lost lease cannot remove the job").isFalse();
    assertThat(onFirst.isHeld(other)).isTrue();
  }

  @Test
  @DisplayName("tells a runner's old claim from its new one on the same job")
  void fencedByAttempt() {
    onFirst.enqueue(job("s1"), 0);
    var old = onFirst.claimNext("runner", 0).orElseThrow().lease();
    onSecond.requeueExpired(LEASE.toMillis() + 1, 3, NEVER_GIVEN_UP);
    var current = onFirst.claimNext("runner", LEASE.toMillis() + 2).orElseThrow().lease();

    assertThat(current.attempt()).isEqualTo(old.attempt() + 1);
    assertThat(onSecond.isHeld(old)).isFalse();
    assertThat(onSecond.complete(old)).isFalse();
    assertThat(onSecond.complete(current)).isTrue();
    assertThat(onSecond.ids()).isEmpty();
  }

  @Test
  @DisplayName("queues again at once every job of a runner that left, and only its jobs")
  void runnerLeft() {
    onFirst.enqueue(job("s1"), 0);
    onFirst.enqueue(job("s2"), 1);
    var gone = onFirst.claimNext("gone-runner", 0).orElseThrow().lease();
    var staying = onFirst.claimNext("staying-runner", 0).orElseThrow().lease();

    assertThat(onSecond.requeueHeldBy("gone-runner")).isEqualTo(1);
    assertThat(onSecond.isHeld(gone)).isFalse();
    assertThat(onSecond.isHeld(staying)).isTrue();
    assertThat(onSecond.claimNext("new-runner", 0).orElseThrow().job().id()).isEqualTo(gone.jobId());
  }

  @Test
  @DisplayName("keeps a renewed lease")
  void renewedLease() {
    onFirst.enqueue(job("s1"), 0);
    var lease = onFirst.claimNext("runner", 0).orElseThrow().lease();
    assertThat(onSecond.renew(lease, 20_000)).isTrue();

    onSecond.requeueExpired(40_000, 3, NEVER_GIVEN_UP);
    assertThat(onSecond.isHeld(lease)).isTrue();
  }

  @Test
  @DisplayName("stops a job that keeps losing its runner after the last attempt, once that is recorded")
  void givesUp() {
    onFirst.enqueue(job("s1"), 0);
    long now = 0;
    var givenUp = new ArrayList<Job>();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(onFirst.claimNext("runner-" + attempt, now)).isPresent();
      now += LEASE.toMillis() + 1;
      if (attempt == 3) {
        long expired = now;
        assertThatThrownBy(() -> onSecond.requeueExpired(expired, 3, job -> {
          throw new IllegalStateException("database down");
        })).hasMessage("database down");
        assertThat(onSecond.ids()).as("kept while its end is not recorded").containsExactly("s1");
      }
      onSecond.requeueExpired(now, 3, givenUp::add);
      assertThat(givenUp).hasSize(attempt == 3 ? 1 : 0);
    }
    assertThat(onFirst.claimNext("runner-4", now)).isEmpty();
    assertThat(first.getMap(JobTable.MAP_NAME).size()).isZero();
  }
}
