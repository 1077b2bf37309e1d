package dev.gauntlet.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, starts and removes sandbox containers, and knows which are this process's. Each carries
 * an owner label (host, process id and start time), so a process that starts after one died on the
 * same host removes what the dead one left. A runner that itself runs in a container of the same
 * engine (Compose, a DaemonSet) also labels its sandboxes with that container, because each start
 * of a container brings a new PID namespace, which the owner label alone cannot see past. Every
 * engine failure surfaces as a {@link SandboxEngineException}: docker-java wraps a broken
 * connection in a plain runtime exception.
 */
final class SandboxContainers {
  static final String OWNER_LABEL = "dev.gauntlet.owner";
  static final String OWNER_CONTAINER_LABEL = "dev.gauntlet.owner-container";
  private static final Logger log = LoggerFactory.getLogger(SandboxContainers.class);
  /** The engine bind-mounts these files into every container from a folder named after its id. */
  private static final Pattern CONTAINER_MOUNT =
      Pattern.compile("/containers/([0-9a-f]{64})/(?:hostname|hosts|resolv\\.conf) ");

  private final DockerClient docker;
  private final Owner self = Owner.current();
  private final Optional<String> selfContainer;
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> scratchExec = new ConcurrentHashMap<>();
  private volatile boolean closed;

  SandboxContainers(DockerClient docker) {
    this.docker = docker;
    this.selfContainer = containerOfThisProcess(docker);
  }

  /** For a test that plays a runner in a container. */
  SandboxContainers(DockerClient docker, String selfContainer) {
    this.docker = docker;
    this.selfContainer = Optional.of(selfContainer);
  }

  String create(ContainerShape shape) {
    if (closed) {
      throw new SandboxEngineException("the sandbox is closed: the runner is stopping", null);
    }
    String id = engine("create a sandbox from " + shape.image(), () -> docker.createContainerCmd(shape.image())
        .withCmd("sh", "-c", ShellScript.BOOTSTRAP)
        .withUser(SandboxProfile.USER)
        .withWorkingDir(SandboxProfile.ROOT)
        .withEnv(SandboxProfile.environment(shape))
        .withNetworkDisabled(shape.isolated())
        .withStdinOpen(true)
        .withStdInOnce(true)
        .withAttachStdin(true)
        .withAttachStdout(true)
        .withAttachStderr(true)
        .withLabels(labels())
        .withHostConfig(SandboxProfile.hostConfig(shape, scratchExec(shape.image())))
        .exec()
        .getId());
    live.add(id);
    if (closed) {
      // Closed while the engine created it: removeAll may have run already.
      remove(id);
      throw new SandboxEngineException("the sandbox is closed: the runner is stopping", null);
    }
    return id;
  }

  private boolean scratchExec(String image) {
    return scratchExec.computeIfAbsent(image, tag -> engine("inspect image " + tag, () -> {
      Map<String, String> labels = docker.inspectImageCmd(tag).exec().getConfig().getLabels();
      return labels != null && "true".equals(labels.get(SandboxProfile.SCRATCH_EXEC_LABEL));
    }));
  }

  void start(String id) {
    engine("start sandbox " + id, () -> docker.startContainerCmd(id).exec());
  }

  void pause(String id) {
    engine("pause sandbox " + id, () -> docker.pauseContainerCmd(id).exec());
  }

  void unpause(String id) {
    engine("unpause sandbox " + id, () -> docker.unpauseContainerCmd(id).exec());
  }

  void pin(String id, String cpus) {
    engine("pin sandbox " + id + " to CPUs " + cpus, () -> docker.updateContainerCmd(id).withCpusetCpus(cpus).exec());
  }

  /** How many CPUs the engine's host has. */
  int engineCpus() {
    return engine("read the engine's CPU count", () -> docker.infoCmd().exec().getNCPU());
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

  /** Removes every sandbox this process still has and creates no more, for a runner that stops. */
  void removeAll() {
    closed = true;
    Set.copyOf(live).forEach(this::remove);
  }

  private Map<String, String> labels() {
    var labels = new HashMap<>(Map.of(SandboxProfile.LABEL, "true", OWNER_LABEL, self.label()));
    selfContainer.ifPresent(id -> labels.put(OWNER_CONTAINER_LABEL, id));
    return labels;
  }

  /**
   * Removes the sandboxes that a process on this host, or a runner in a container of this engine,
   * left behind when it died.
   */
  int removeOrphans() {
    List<Container> labelled = engine("list sandboxes", () -> docker.listContainersCmd().withShowAll(true)
        .withLabelFilter(List.of(SandboxProfile.LABEL)).exec());
    int removed = 0;
    for (Container container : labelled) {
      if (isOrphan(container.getLabels())) {
        remove(container.getId());
        removed++;
      }
    }
    if (removed > 0) {
      log.info("removed {} sandbox(es) left behind by a process that died", removed);
    }
    return removed;
  }

  private boolean isOrphan(Map<String, String> labels) {
    var owner = Owner.parse(labels.getOrDefault(OWNER_LABEL, ""));
    String ownerContainer = labels.get(OWNER_CONTAINER_LABEL);
    if (ownerContainer == null) {
      return !owner.isAliveSeenFrom(self);
    }
    if (selfContainer.filter(ownerContainer::equals).isPresent()) {
      // This container, started again: it has one PID namespace at a time, so an owner in another is gone.
      return !owner.pidNamespace().equals(self.pidNamespace()) || !owner.isAliveSeenFrom(self);
    }
    return !isRunning(ownerContainer);
  }

  private boolean isRunning(String containerId) {
    try {
      return Boolean.TRUE.equals(engine("inspect a runner's container",
          () -> docker.inspectContainerCmd(containerId).exec().getState().getRunning()));
    } catch (SandboxEngineException e) {
      if (e.getCause() instanceof NotFoundException) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The id of the container this process runs in, when it runs in one that this same engine
   * runs: only then can another runner later ask the engine whether it still runs.
   */
  private static Optional<String> containerOfThisProcess(DockerClient docker) {
    Matcher mount;
    try {
      mount = CONTAINER_MOUNT.matcher(Files.readString(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!mount.find()) {
      return Optional.empty();
    }
    String id = mount.group(1);
    try {
      var state = docker.inspectContainerCmd(id).exec().getState();
      return Boolean.TRUE.equals(state.getRunning()) ? Optional.of(id) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static <T> T engine(String what, Supplier<T> call) {
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

  /**
   * A process on a host, in a PID namespace (runners in containers that share the host's name have
   * their own), with its start time in clock ticks since boot, which tells it from a later process
   * that got the same id and does not move when the wall clock is set.
   */
  record Owner(String host, String pidNamespace, long pid, String started) {
    private static final Path PROC = Path.of("/proc");

    static Owner current() {
      long pid = ProcessHandle.current().pid();
      return new Owner(currentHostName(), currentPidNamespace(), pid, startTicks(pid));
    }

    static Owner parse(String label) {
      String[] parts = label.split("/", 4);
      try {
        return new Owner(parts[0], parts[1], Long.parseLong(parts[2]), parts[3]);
      } catch (RuntimeException e) {
        return new Owner(parts[0], "", -1, "");
      }
    }

    String label() {
      return host + "/" + pidNamespace + "/" + pid + "/" + started;
    }

    /** True unless this process is surely gone: same host and namespace, and no such process now. */
    boolean isAliveSeenFrom(Owner self) {
      if (!host.equals(self.host) || !pidNamespace.equals(self.pidNamespace)) {
        return true;
      }
      return startTicks(pid).equals(started);
    }

    private static String startTicks(long pid) {
      try {
        String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
        // Field 22 of /proc/<pid>/stat; the command name before it may hold spaces, so count from its ')'.
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
      } catch (IOException | RuntimeException e) {
        return "gone";
      }
    }

    private static String currentPidNamespace() {
      try {
        return Files.readSymbolicLink(PROC.resolve("self/ns/pid")).toString().replaceAll("\\D", "");
      } catch (IOException | UnsupportedOperationException e) {
        return "unknown";
      }
    }

    private static String currentHostName() {
      try {
        return Files.readString(PROC.resolve("sys/kernel/hostname")).strip();
      } catch (IOException e) {
        return "unknown";
      }
    }
  }
}
