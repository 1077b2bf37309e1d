package dev.gauntlet.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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
    var warm = List.copyOf(awaitIdle(2));
    // One is killed but still there, as after an engine restart; the other is gone altogether.
    DockerFixture.docker().killContainerCmd(warm.get(0)).exec();
    DockerFixture.docker().removeContainerCmd(warm.get(1)).withForce(true).exec();
    assertThat(run()).endsWith("False");
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
  void removesOrphans() {
    var self = SandboxContainers.Owner.current();
    String orphan = labelled(new SandboxContainers.Owner(self.host(), self.pidNamespace(), Integer.MAX_VALUE, "1").label());
    var kept = List.of(
        labelled(self.label()),
        labelled(new SandboxContainers.Owner("another-host", self.pidNamespace(), Integer.MAX_VALUE, "1").label()),
        labelled(new SandboxContainers.Owner(self.host(), "another-namespace", Integer.MAX_VALUE, "1").label()));
    try {
      assertThat(sandbox.removeOrphans()).isPositive();
      assertThat(containerExists(orphan)).isFalse();
      assertThat(kept).as("a live process's, another host's and another PID namespace's are left alone")
          .allMatch(WarmPoolIT::containerExists);
    } finally {
      kept.forEach(id -> DockerFixture.docker().removeContainerCmd(id).withForce(true).exec());
    }
  }

  @Test
  @DisplayName("at start in a container, removes the sandboxes of runner containers that are gone and of its own"
      + " earlier start, and only those")
  void removesOrphansOfRunnerContainers() {
    var docker = DockerFixture.docker();
    String self = runnerContainer();
    String other = runnerContainer();
    String gone = runnerContainer();
    docker.removeContainerCmd(gone).withForce(true).exec();
    var owner = SandboxContainers.Owner.current();
    var elsewhere = new SandboxContainers.Owner("a-container", "4026532999", 1, "42").label();
    var containers = new SandboxContainers(docker, self);
    var orphans = List.of(labelled(elsewhere, Map.of(SandboxContainers.OWNER_CONTAINER_LABEL, gone)),
        labelled(elsewhere, Map.of(SandboxContainers.OWNER_CONTAINER_LABEL, self)));
    var kept = List.of(labelled(elsewhere, Map.of(SandboxContainers.OWNER_CONTAINER_LABEL, other)),
        labelled(owner.label(), Map.of(SandboxContainers.OWNER_CONTAINER_LABEL, self)));
    try {
      assertThat(containers.removeOrphans()).isGreaterThanOrEqualTo(orphans.size());
      assertThat(orphans).as("a dead runner container's, and this container's from an earlier PID namespace")
          .noneMatch(WarmPoolIT::containerExists);
      assertThat(kept).as("a running runner container's, and this very process's").allMatch(WarmPoolIT::containerExists);
    } finally {
      kept.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
      List.of(self, other).forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
    }
  }

  /** A running container that stands in for a runner's. */
  private static String runnerContainer() {
    var docker = DockerFixture.docker();
    String id = docker.createContainerCmd(RuntimeImages.imageFor(Language.PYTHON)).withCmd("sleep", "300")
        .withNetworkDisabled(true).exec().getId();
    docker.startContainerCmd(id).exec();
    return id;
  }

  private static String labelled(String owner) {
    return labelled(owner, Map.of());
  }

  private static String labelled(String owner, Map<String, String> more) {
    var labels = new HashMap<>(more);
    labels.put(SandboxProfile.LABEL, "true");
    labels.put(SandboxContainers.OWNER_LABEL, owner);
    return DockerFixture.docker().createContainerCmd(RuntimeImages.imageFor(Language.PYTHON))
        .withCmd("true")
        .withNetworkDisabled(true)
        .withLabels(labels)
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
