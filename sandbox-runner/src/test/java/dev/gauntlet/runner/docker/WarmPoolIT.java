package dev.gauntlet.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The warm pool, against the real engine")
class WarmPoolIT {
  /** Prints the container it runs in (its host name is the id's prefix) and whether an earlier run left a file. */
  private static final String PROGRAM = """
      import os, socket
      print(socket.gethostname(), os.path.exists('/sandbox/left-behind'))
      open('/sandbox/left-behind', 'w').write('x')
      """;

  private final Sandbox sandbox = new Sandbox(DockerFixture.docker(), 2);

  @AfterEach
  void closeRemovesEverything() {
    sandbox.close();
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  private String run() {
    var limits = new SandboxLimits(128L << 20, 1.0, 64, Duration.ofSeconds(10),
        new StreamCap(1 << 10, true), new StreamCap(64 << 10, true), 16);
    var result = sandbox.run(new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
        Map.of("src/main.py", PROGRAM.getBytes(StandardCharsets.UTF_8)), "src", List.of("python3", "main.py"),
        Optional.empty(), false, limits));
    assertThat(result.succeeded()).as(new String(result.stderr(), StandardCharsets.UTF_8)).isTrue();
    return new String(result.stdout(), StandardCharsets.UTF_8).strip();
  }

  private Set<String> awaitIdle(int count) throws InterruptedException {
    for (int i = 0; i < 100 && sandbox.idle().size() < count; i++) {
      Thread.sleep(100);
    }
    assertThat(sandbox.idle()).hasSize(count);
    return sandbox.idle();
  }

  @Test
  @DisplayName("runs in a container started ahead of need, uses it once, removes it and refills")
  void usesOnceAndRefills() throws Exception {
    assertThat(run()).as("the first run of a shape starts its own container").endsWith("False");
    Set<String> warm = awaitIdle(2);

    String[] printed = run().split(" ");
    String used = warm.stream().filter(id -> id.startsWith(printed[0])).findFirst().orElseThrow(
        () -> new AssertionError(printed[0] + " is not one of the warm containers " + warm));
    assertThat(printed[1]).as("a warm container is fresh: nothing of an earlier run in it").isEqualTo("False");
    assertThat(containerExists(used)).as("removed after its one run").isFalse();

    Set<String> refilled = awaitIdle(2);
    assertThat(refilled).doesNotContain(used);
    assertThat(run().split(" ")[1]).isEqualTo("False");
  }

  @Test
  @DisplayName("runs in a fresh container when the warm ones died while they waited, as in an engine restart")
  void deadWarmContainers() throws Exception {
    run();
    for (String id : awaitIdle(2)) {
      DockerFixture.docker().removeContainerCmd(id).withForce(true).exec();
    }
    assertThat(run()).endsWith("False");
  }

  @Test
  @DisplayName("a warm container is confined like any other: the same profile, no network, read-only root")
  void warmContainersAreConfined() throws Exception {
    run();
    for (String id : awaitIdle(2)) {
      var inspect = DockerFixture.docker().inspectContainerCmd(id).exec();
      assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("none");
      assertThat(inspect.getHostConfig().getReadonlyRootfs()).isTrue();
      assertThat(inspect.getHostConfig().getCapDrop()).isNotEmpty();
      assertThat(inspect.getConfig().getUser()).isEqualTo(SandboxProfile.USER);
    }
  }

  @Test
  @DisplayName("at start, removes the sandboxes a dead process on this host left behind, and only those")
  void removesOrphans() throws Exception {
    var docker = DockerFixture.docker();
    String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    String orphan = labelled(host + "/" + Integer.MAX_VALUE + "/2026-01-01T00:00:00Z");
    String otherHost = labelled("another-host/1/2026-01-01T00:00:00Z");
    try {
      assertThat(sandbox.removeOrphans()).isEqualTo(1);
      assertThat(containerExists(orphan)).isFalse();
      assertThat(containerExists(otherHost)).as("another host's sandboxes are its own business").isTrue();
    } finally {
      docker.removeContainerCmd(otherHost).withForce(true).exec();
    }
  }

  private static String labelled(String owner) {
    return DockerFixture.docker().createContainerCmd(RuntimeImages.imageFor(Language.PYTHON))
        .withCmd("true")
        .withNetworkDisabled(true)
        .withLabels(Map.of(SandboxProfile.LABEL, "true", SandboxContainers.OWNER_LABEL, owner))
        .exec().getId();
  }

  private static boolean containerExists(String id) {
    try {
      DockerFixture.docker().inspectContainerCmd(id).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
