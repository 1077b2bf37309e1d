package dev.gauntlet.runner.docker;

import com.github.dockerjava.api.DockerClient;
import dev.gauntlet.runner.image.RuntimeImages;
import java.util.List;
import java.util.Set;

/**
 * One engine client for a test JVM, with the runtime images built. {@code ./gauntlet test}
 * starts the engine; a test that finds none fails rather than skipping.
 */
public final class DockerFixture {
  private static DockerClient client;

  private DockerFixture() {
  }

  public static synchronized DockerClient docker() {
    if (client == null) {
      client = DockerClients.fromEnvironment();
      client.pingCmd().exec();
      var images = new RuntimeImages(client);
      images.ensureJudgingImages();
    }
    return client;
  }

  /** Containers carrying the sandbox label, running or not: none may outlive a run. */
  public static long sandboxContainers() {
    return strayContainers(Set.of());
  }

  /** Sandbox containers created by the process with this id, running or not. */
  public static long ownedBy(long pid) {
    return docker().listContainersCmd().withShowAll(true).withLabelFilter(List.of(SandboxProfile.LABEL)).exec()
        .stream().filter(c -> c.getLabels().getOrDefault(SandboxContainers.OWNER_LABEL, "").contains("/" + pid + "/"))
        .count();
  }

  /** Sandbox containers other than the given ones (a warm pool's idle containers): none may outlive a run. */
  public static long strayContainers(Set<String> idle) {
    return docker().listContainersCmd().withShowAll(true).withLabelFilter(List.of(SandboxProfile.LABEL)).exec()
        .stream().filter(c -> !idle.contains(c.getId())).count();
  }
}
