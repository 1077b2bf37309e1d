package dev.gauntlet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.harness.protocol.ProblemKind;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkersTest {
  private static long inMillis(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void releasesTheThreadsTogetherAndTimesThem() throws Failure {
    var arrived = new CountDownLatch(2);
    Workers.Task meet = () -> {
      arrived.countDown();
      // Each waits for the other: only threads that run at once get past this.
      assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
    };

    assertThat(Workers.run(List.of(meet, meet), inMillis(5_000), "trial 1")).isPositive();
  }

  @Test
  void aThrowingCallSaysWhichThreadAndWhat() {
    Workers.Task fine = () -> { };
    Workers.Task throwing = () -> {
      throw new IllegalStateException("broken");
    };

    assertThatThrownBy(() -> Workers.run(List.of(fine, throwing), inMillis(5_000), "trial 7"))
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(ProblemKind.THREW))
        .hasMessageStartingWith("trial 7, thread 2: java.lang.IllegalStateException: broken");
  }

  @Test
  void threadsStillRunningAtTheDeadlineAreStuckAndShowWhere() {
    var never = new CountDownLatch(1);
    Workers.Task waits = never::await;

    assertThatThrownBy(() -> Workers.run(List.of(waits), inMillis(200), "the warm-up stress run"))
        .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind()).isEqualTo(ProblemKind.STUCK))
        .hasMessageContaining("the warm-up stress run: 1 of 1 threads had not returned")
        .hasMessageContaining("gauntlet-worker-0 WAITING");
  }
}
