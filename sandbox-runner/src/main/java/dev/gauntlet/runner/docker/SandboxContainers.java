package dev.gauntlet.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, starts and removes sandbox containers, and knows which are this process's. Each carries
 * an owner label (host, process id and start time), so a process that starts after one died on the
 * same host removes what the dead one left. Every engine failure surfaces as a
 * {@link SandboxEngineException}: docker-java wraps a broken connection in a plain runtime exception.
 */
final class SandboxContainers {
  static final String OWNER_LABEL = "dev.gauntlet.owner";
  private static final Logger log = LoggerFactory.getLogger(SandboxContainers.class);

  private final DockerClient docker;
  private final Owner self = Owner.current();
  private final Set<String> live = ConcurrentHashMap.newKeySet();

  SandboxContainers(DockerClient docker) {
    this.docker = docker;
  }

  DockerClient docker() {
    return docker;
  }

  String create(ContainerShape shape) {
    String id = engine("create a sandbox from " + shape.image(), () -> docker.createContainerCmd(shape.image())
        .withCmd("sh", "-c", ShellScript.BOOTSTRAP)
        .withUser(SandboxProfile.USER)
        .withWorkingDir(SandboxProfile.ROOT)
        .withEnv("LANG=C.UTF-8", "HOME=" + SandboxProfile.ROOT)
        .withNetworkDisabled(true)
        .withStdinOpen(true)
        .withStdInOnce(true)
        .withAttachStdin(true)
        .withAttachStdout(true)
        .withAttachStderr(true)
        .withLabels(Map.of(SandboxProfile.LABEL, "true", OWNER_LABEL, self.label()))
        .withHostConfig(SandboxProfile.hostConfig(shape))
        .exec()
        .getId());
    live.add(id);
    return id;
  }

  void start(String id) {
    engine("start sandbox " + id, () -> docker.startContainerCmd(id).exec());
  }

  void kill(String id) {
    try {
      docker.killContainerCmd(id).exec();
    } catch (NotFoundException | NotModifiedException e) {
      log.debug("sandbox {} already gone when killed", id);
    } catch (RuntimeException e) {
      // An already-exited container answers 409; anything else the forced removal still handles.
      log.debug("kill of sandbox {} refused: {}", id, e.getMessage());
    }
  }

  void remove(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).exec();
      live.remove(id);
    } catch (NotFoundException e) {
      live.remove(id);
    } catch (RuntimeException e) {
      log.warn("could not remove sandbox {}: {}", id, e.getMessage());
    }
  }

  /** Removes every sandbox this process still has, for a runner that stops. */
  void removeAll() {
    Set.copyOf(live).forEach(this::remove);
  }

  /** Removes the sandboxes that a process on this host left behind when it died. */
  int removeOrphans() {
    List<Container> labelled = engine("list sandboxes", () -> docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(SandboxProfile.LABEL)).exec());
    int removed = 0;
    for (Container container : labelled) {
      var owner = Owner.parse(container.getLabels().getOrDefault(OWNER_LABEL, ""));
      if (owner.host().equals(self.host()) && !owner.isAlive()) {
        remove(container.getId());
        removed++;
      }
    }
    if (removed > 0) {
      log.info("removed {} sandbox(es) left behind by a process that died", removed);
    }
    return removed;
  }

  static <T> T engine(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new SandboxEngineException("the engine could not " + what, e);
    }
  }

  private static void engine(String what, Runnable call) {
    engine(what, () -> {
      call.run();
      return null;
    });
  }

  /** A process on a host; its start time tells it from a later process that got the same id. */
  record Owner(String host, long pid, String started) {
    static Owner current() {
      var self = ProcessHandle.current();
      return new Owner(hostName(), self.pid(), startOf(self));
    }

    static Owner parse(String label) {
      String[] parts = label.split("/", 3);
      try {
        return new Owner(parts[0], Long.parseLong(parts[1]), parts[2]);
      } catch (RuntimeException e) {
        return new Owner(parts[0], -1, "");
      }
    }

    String label() {
      return host + "/" + pid + "/" + started;
    }

    boolean isAlive() {
      return ProcessHandle.of(pid).map(p -> startOf(p).equals(started)).orElse(false);
    }

    private static String startOf(ProcessHandle process) {
      return process.info().startInstant().map(Object::toString).orElse("?");
    }

    private static String hostName() {
      try {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      } catch (IOException e) {
        return "unknown";
      }
    }
  }
}
