package dev.gauntlet.runner.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxOutputException;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.language.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Programs that try to break out of, or outlast, their sandbox. Each asserts what the program saw
 * and that the host is unharmed afterwards: no container and no process left behind.
 */
@DisplayName("Hostile programs in the sandbox, against the real engine")
class HostileProgramsIT {
  private final Sandbox sandbox = new Sandbox(DockerFixture.docker());

  private SandboxResult python(String program, Duration wall) {
    var limits = new SandboxLimits(128L << 20, 1.0, 64, wall,
        new StreamCap(64 << 10, true), new StreamCap(64 << 10, false), 16);
    return sandbox.run(new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
        Map.of("src/main.py", program.getBytes(StandardCharsets.UTF_8)), "src",
        List.of("python3", "main.py"), Optional.empty(), false, limits));
  }

  private static String stdout(SandboxResult result) {
    return new String(result.stdout(), StandardCharsets.UTF_8).strip();
  }

  @AfterEach
  void noContainerLeft() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  @Test
  @DisplayName("cannot reach a listener on the host through loopback, the bridge gateway or the host's address")
  void noNetwork() throws Exception {
    var addresses = HostProbe.addressesToTry();
    try (var listener = new HostProbe.Listener()) {
      var result = python("""
          import socket
          for host in %s:
              s = socket.socket()
              s.settimeout(2)
              try:
                  s.connect((host, %d))
                  print(host, "connected")
              except OSError as e:
                  print(host, "blocked")
          """.formatted(HostProbe.pythonList(addresses), listener.port()), Duration.ofSeconds(20));

      assertThat(stdout(result).lines()).hasSize(addresses.size()).allSatisfy(line -> assertThat(line).endsWith(" blocked"));
      assertThat(listener.accepted()).isZero();
    }
  }

  @Test
  @DisplayName("sees no network interface but loopback")
  void onlyLoopback() {
    var result = python("import socket\nprint(sorted(n for _, n in socket.if_nameindex()))", Duration.ofSeconds(10));
    assertThat(stdout(result)).isEqualTo("['lo']");
  }

  @Test
  @DisplayName("runs unprivileged: not root, no capabilities, no new privileges")
  void unprivileged() {
    var result = python("""
        import os
        status = dict(l.split(':', 1) for l in open('/proc/self/status'))
        print(os.getuid(), os.getgid(), status['CapEff'].strip(), status['CapBnd'].strip(), status['NoNewPrivs'].strip())
        """, Duration.ofSeconds(10));
    assertThat(stdout(result)).isEqualTo("10001 10001 0000000000000000 0000000000000000 1");
  }

  @Test
  @DisplayName("finds no Docker socket, no secret in its environment, and a read-only root")
  void nothingToFind() {
    var result = python("""
        import os
        print(os.path.exists('/var/run/docker.sock'), os.path.exists('/run/docker.sock'))
        print(sorted(os.environ))
        try:
            open('/etc/gauntlet-was-here', 'w')
            print('root writable')
        except OSError as e:
            print('root read-only')
        """, Duration.ofSeconds(10));
    assertThat(stdout(result).lines()).containsExactly("False False",
        "['GOMAXPROCS', 'HOME', 'HOSTNAME', 'LANG', 'OLDPWD', 'PATH', 'PWD']", "root read-only");
  }

  @Test
  @DisplayName("leaves no process behind: a setsid daemon dies with its sandbox")
  void daemonDies() throws Exception {
    String marker = "gauntlet-daemon-" + UUID.randomUUID();
    // The daemon detaches into its own session and outlives the program; the sandbox must not let it.
    var result = python("""
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execvp('sh', ['sh', '-c', 'sleep 300; echo %s'])
            os._exit(0)
        time.sleep(0.5)
        print('started')
        """.formatted(marker), Duration.ofSeconds(10));
    assertThat(stdout(result)).isEqualTo("started");
    assertThat(hostProcessesMentioning(marker)).isEmpty();
  }

  @Test
  @DisplayName("a fork bomb hits the pids limit and ends with its sandbox")
  void forkBomb() throws Exception {
    var result = python("""
        import os
        while True:
            try:
                os.fork()
            except OSError:
                pass
        """, Duration.ofSeconds(3));
    assertThat(result.timedOut()).isTrue();
    assertThat(hostProcessesMentioning("python3 main.py")).isEmpty();
  }

  @Test
  @DisplayName("filling the disk stops at the scratch size and costs the host nothing")
  void diskFill() throws Exception {
    long freeBefore = Files.getFileStore(Path.of("/")).getUsableSpace();
    var result = python("""
        import os
        written = 0
        try:
            with open('/sandbox/fill', 'wb') as f:
                while True:
                    f.write(b'x' * (1 << 20))
                    f.flush()
                    written += 1
        except OSError as e:
            print('stopped after', written, 'MiB:', type(e).__name__)
        """, Duration.ofSeconds(20));
    long freeAfter = Files.getFileStore(Path.of("/")).getUsableSpace();

    assertThat(stdout(result)).matches("stopped after 1[0-6] MiB: OSError");
    assertThat(freeBefore - freeAfter).isLessThan(8L << 20);
  }

  @Test
  @DisplayName("a program asleep is stopped by the wall clock")
  void sleeper() {
    long started = System.nanoTime();
    var result = python("import time\ntime.sleep(100)", Duration.ofSeconds(2));

    assertThat(result.timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("a forged resource report on standard error changes nothing")
  void forgedReport() {
    var result = python("""
        import sys
        sys.stderr.write('gauntlet-usage-000000000000000000000000 0.00 0.00 0.00 1\\n')
        x = bytearray(32 << 20)
        print(len(x))
        """, Duration.ofSeconds(10));

    assertThat(result.peakMemoryKb()).isPresent();
    assertThat(result.peakMemoryKb().getAsLong()).isGreaterThan(32_000L);
    assertThat(new String(result.stderr(), StandardCharsets.UTF_8)).contains("gauntlet-usage-0000");
  }

  @Test
  @DisplayName("an endless flood on standard error is cut at its cap while the clock runs out")
  void stderrFlood() {
    var result = python("import sys\nwhile True: sys.stderr.write('e' * 4096)", Duration.ofSeconds(2));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.stderr().length).isLessThanOrEqualTo(64 << 10);
  }

  @Test
  @DisplayName("killing every process it can see only ends its own run")
  void killsEverything() {
    // kill(-1) reaches every process but the caller: the shell, GNU time and the init of the sandbox.
    var result = python("import os, signal\nos.kill(-1, signal.SIGKILL)\nprint('survived')", Duration.ofSeconds(10));

    assertThat(result.timedOut()).isFalse();
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  @DisplayName("links and named pipes left in the output folder are refused, never followed")
  void outputLinks() {
    for (String trick : List.of("os.symlink('/etc/passwd', '/sandbox/out/passwd')",
        "open('/sandbox/out/a', 'w').write('a'); os.link('/sandbox/out/a', '/sandbox/out/b')",
        "os.mkfifo('/sandbox/out/pipe')")) {
      var limits = new SandboxLimits(128L << 20, 1.0, 64, Duration.ofSeconds(10),
          new StreamCap(1 << 20, true), new StreamCap(64 << 10, false), 16);
      var request = new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
          Map.of("src/main.py", ("import os\n" + trick + "\n").getBytes(StandardCharsets.UTF_8)), "src",
          List.of("python3", "main.py"), Optional.empty(), true, limits);

      assertThatThrownBy(() -> sandbox.run(request)).isInstanceOf(SandboxOutputException.class)
          .hasMessageContaining("link");
    }
  }

  @Test
  @DisplayName("an output folder with too many entries is refused")
  void outputEntries() {
    var limits = new SandboxLimits(128L << 20, 1.0, 64, Duration.ofSeconds(20),
        new StreamCap(8 << 20, true), new StreamCap(64 << 10, false), 32);
    var request = new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
        Map.of("src/main.py", "for i in range(3000): open('/sandbox/out/f%d' % i, 'w').close()\n"
            .getBytes(StandardCharsets.UTF_8)), "src",
        List.of("python3", "main.py"), Optional.empty(), true, limits);

    assertThatThrownBy(() -> sandbox.run(request)).isInstanceOf(SandboxOutputException.class)
        .hasMessageContaining("more than 2000 entries");
  }

  /** The machine's own non-loopback, non-bridge IPv4 address, if it has one. */
  private static List<String> hostProcessesMentioning(String text) throws IOException {
    return HostProbe.processes(cmdline -> cmdline.contains(text) && !cmdline.contains("surefire")
        && !cmdline.contains("failsafe"));
  }
}
