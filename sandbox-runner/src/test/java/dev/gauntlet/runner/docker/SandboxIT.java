package dev.gauntlet.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A sandbox run, against the real engine")
class SandboxIT {
  private final Sandbox sandbox = new Sandbox(DockerFixture.docker());

  private static SandboxLimits limits(Duration wall, int stdoutBytes) {
    return new SandboxLimits(128L << 20, 1.0, 64, wall,
        new StreamCap(stdoutBytes, true), new StreamCap(64 << 10, true), 16);
  }

  private SandboxResult python(String program, String stdin, Duration wall, int stdoutBytes) {
    return sandbox.run(new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
        Map.of("src/main.py", program.getBytes(StandardCharsets.UTF_8),
            "in", stdin.getBytes(StandardCharsets.UTF_8)),
        "src", List.of("python3", "main.py"), Optional.of("in"), false, limits(wall, stdoutBytes)));
  }

  @AfterEach
  void noContainerOutlivesARun() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  @Test
  @DisplayName("feeds the input file to standard input and returns what the program printed")
  void echoesStdin() {
    var result = python("import sys\nprint(sys.stdin.read().upper(), end='')", "hello\n", Duration.ofSeconds(10), 1024);

    assertThat(result.succeeded()).isTrue();
    assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).isEqualTo("HELLO\n");
    assertThat(result.peakMemoryKb()).isPresent();
    assertThat(result.peakMemoryKb().getAsLong()).isBetween(1_000L, 128_000L);
    assertThat(result.wall()).isBetween(Duration.ZERO, Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("freezes a running program until the handle closes, and freezing one that has ended does nothing")
  void freezes() throws InterruptedException {
    String ticks = "import time\nwhile True:\n    print(time.monotonic(), flush=True)\n    time.sleep(0.05)\n";
    try (var running = start(ticks)) {
      Thread.sleep(500);
      var frozen = running.freeze();
      try {
        assertThat(DockerFixture.docker().inspectContainerCmd(running.id()).exec().getState().getPaused()).isTrue();
        Thread.sleep(1_000);
      } finally {
        frozen.close();
      }
      Thread.sleep(500);
      double[] seen = new String(running.stop().stdout(), StandardCharsets.UTF_8).lines()
          .mapToDouble(Double::parseDouble).toArray();
      double longestGap = 0;
      for (int i = 1; i < seen.length; i++) {
        longestGap = Math.max(longestGap, seen[i] - seen[i - 1]);
      }
      assertThat(longestGap).as("the program's clock stood still while it was frozen").isGreaterThan(0.9);
      assertThat(seen[seen.length - 1] - seen[0]).as("and ran on afterwards").isGreaterThan(longestGap + 0.3);
    }

    try (var ended = start("print('done')")) {
      for (int i = 0; i < 100 && ended.isRunning(); i++) {
        Thread.sleep(50);
      }
      assertThat(ended.isRunning()).isFalse();
      ended.freeze().close();
    }
  }

  private RunningSandbox start(String program) {
    return sandbox.start(new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
        Map.of("src/main.py", program.getBytes(StandardCharsets.UTF_8)), "src", List.of("python3", "main.py"),
        Optional.empty(), false, limits(Duration.ofSeconds(30), 64 << 10)));
  }

  @Test
  @DisplayName("kills a program that runs past the wall clock, within a second of the limit")
  void wallClock() {
    long started = System.nanoTime();
    var result = python("while True: pass", "", Duration.ofSeconds(2), 1024);
    var elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
    assertThat(elapsed).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  @DisplayName("reports the kernel's OOM kill, read from the engine")
  void oomKill() {
    var result = python("blocks = []\nwhile True: blocks.append(bytearray(16 << 20))", "", Duration.ofSeconds(20), 1024);

    assertThat(result.oomKilled()).isTrue();
    assertThat(result.timedOut()).isFalse();
  }

  @Test
  @DisplayName("stops a program whose output passes the cap and keeps only the cap")
  void outputCap() {
    var result = python("while True: print('x' * 1000)", "", Duration.ofSeconds(20), 64 << 10);

    assertThat(result.outputExceeded()).isTrue();
    assertThat(result.timedOut()).isFalse();
    assertThat(result.stdout()).hasSize(64 << 10);
  }

  @Test
  @DisplayName("collects /sandbox/out as files after a successful build")
  void collectsOut() {
    var result = sandbox.run(new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
        Map.of("src/main.py", "print('hi')\n".getBytes(StandardCharsets.UTF_8)), "src",
        Language.PYTHON.buildCommand(), Optional.empty(), true,
        new SandboxLimits(256L << 20, 1.0, 64, Duration.ofSeconds(30),
            new StreamCap(8 << 20, true), new StreamCap(64 << 10, false), 16)));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.out()).containsKey("main.py");
  }

  @Test
  @DisplayName("a missing image is an engine failure, never the candidate's")
  void missingImage() {
    var request = new SandboxRequest("gauntlet/no-such-runtime:000000000000", Map.of("in", new byte[0]), "out",
        List.of("true"), Optional.empty(), false, limits(Duration.ofSeconds(5), 1024));

    assertThatThrownBy(() -> sandbox.run(request)).isInstanceOf(SandboxEngineException.class)
        .hasMessageContaining("gauntlet/no-such-runtime");
  }
}
