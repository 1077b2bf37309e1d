package dev.gauntlet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.harness.protocol.ProblemKind;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LeftoversTest {
  /** A thread that claims to equal every other, as a class's own could. */
  private static final class Disguised extends Thread {
    Disguised(Runnable task) {
      super(task, "disguised");
      setDaemon(true);
    }

    @Override
    public boolean equals(Object other) {
      return true;
    }

    @Override
    public int hashCode() {
      return Thread.currentThread().hashCode();
    }
  }

  @Test
  void aThreadLeftRunningIsFoundWhateverItsEqualsSays() throws Failure {
    var before = Leftovers.snapshot();
    var release = new CountDownLatch(1);
    var thread = new Disguised(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    thread.start();
    try {
      assertThatThrownBy(() -> Leftovers.check(before, "trial 4"))
          .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.kind())
              .isEqualTo(ProblemKind.LEFTOVER_THREADS))
          .hasMessageStartingWith("1 threads started by the class were still running after trial 4: disguised");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aThreadThatEndsWithinTheGraceIsFine() throws Failure {
    var before = Leftovers.snapshot();
    new Thread(() -> { }).start();

    Leftovers.check(before, "trial 1");
  }
}
