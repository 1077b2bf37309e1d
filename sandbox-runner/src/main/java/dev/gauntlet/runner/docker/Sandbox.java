package dev.gauntlet.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one program in a fresh, confined container and removes the container afterwards.
 *
 * <p>Files go in as a tar on the container's standard input, unpacked by {@code tar} before the
 * program starts; the program's own standard input is a file from that tar, so no end-of-stream
 * has to cross the engine's hijacked connection. Output comes back over the attach stream, capped
 * while it is read. Blocking: call it from a worker thread.
 */
public final class Sandbox {
  private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
  private static final int MAX_OUT_ENTRIES = 2_000;
  private static final Duration ENGINE_GRACE = Duration.ofSeconds(10);

  private final DockerClient docker;
  private final Set<String> live = ConcurrentHashMap.newKeySet();

  public Sandbox(DockerClient docker) {
    this.docker = docker;
  }

  public SandboxResult run(SandboxRequest request) {
    var report = new ResourceReport();
    String id = create(request, report);
    live.add(id);
    try {
      return runCreated(id, request, report);
    } finally {
      remove(id);
      live.remove(id);
    }
  }

  /** Removes every sandbox still running, for a runner that stops while it judges. */
  public void removeAll() {
    for (String id : Set.copyOf(live)) {
      remove(id);
    }
  }

  private String create(SandboxRequest request, ResourceReport report) {
    var script = ShellScript.forRequest(request, report.format());
    var command = new ArrayList<>(List.of("sh", "-c", script, "sandbox"));
    command.addAll(request.command());
    try {
      return docker.createContainerCmd(request.image())
          .withCmd(command)
          .withUser(SandboxProfile.USER)
          .withWorkingDir(SandboxProfile.ROOT)
          .withEnv("LANG=C.UTF-8", "HOME=/sandbox")
          .withNetworkDisabled(true)
          .withStdinOpen(true)
          .withStdInOnce(true)
          .withAttachStdin(true)
          .withAttachStdout(true)
          .withAttachStderr(true)
          .withLabels(Map.of(SandboxProfile.LABEL, "true"))
          .withHostConfig(SandboxProfile.hostConfig(request.limits()))
          .exec()
          .getId();
    } catch (DockerException | IllegalStateException e) {
      throw new SandboxEngineException("engine refused to create a sandbox from " + request.image(), e);
    }
  }

  private SandboxResult runCreated(String id, SandboxRequest request, ResourceReport report) {
    var limits = request.limits();
    var stdout = new CappedBuffer(limits.stdout());
    var stderr = new CappedBuffer(limits.stderr());
    var overflowKilled = new AtomicBoolean();
    var tar = TarArchives.write(request.files());
    try (var attach = docker.attachContainerCmd(id)
        .withStdIn(new ByteArrayInputStream(tar))
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .exec(new OutputCollector(stdout, stderr, () -> {
          // Killing from the stream's own thread would deadlock: the engine drains the
          // container's output before it reports the kill, and this thread is the one draining.
          if (overflowKilled.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> kill(id));
          }
        }))) {
      if (!attach.awaitStarted(ENGINE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SandboxEngineException("attach to sandbox " + id + " did not start", null);
      }
      docker.startContainerCmd(id).exec();
      boolean timedOut = !awaitExit(id, limits.wall());
      if (timedOut) {
        kill(id);
        awaitExit(id, ENGINE_GRACE);
      }
      attach.awaitCompletion(ENGINE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      var state = docker.inspectContainerCmd(id).exec().getState();
      return result(request, state, timedOut, overflowKilled.get(), stdout, stderr, report);
    } catch (DockerException e) {
      throw new SandboxEngineException("engine failed while running sandbox " + id, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxEngineException("interrupted while running sandbox " + id, e);
    } catch (IOException e) {
      throw new SandboxEngineException("attach stream of sandbox " + id + " failed", e);
    }
  }

  private SandboxResult result(SandboxRequest request, ContainerState state, boolean timedOut,
                               boolean outputExceeded, CappedBuffer stdout, CappedBuffer stderr,
                               ResourceReport report) {
    int exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
    boolean oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
    var usage = report.extract(stderr.bytes());
    byte[] out = request.collectOut() ? stdout.bytes() : new byte[0];
    boolean succeeded = exitCode == 0 && !oomKilled && !timedOut && !outputExceeded;
    Map<String, byte[]> outFiles = request.collectOut() && succeeded
        ? TarArchives.read(out, MAX_OUT_ENTRIES, request.limits().stdout().bytes())
        : Map.of();
    return new SandboxResult(exitCode, oomKilled, timedOut, outputExceeded,
        request.collectOut() ? new byte[0] : stdout.bytes(), usage.remainingStderr(),
        wallTime(state), usage.cpu(), usage.peakMemoryKb(), outFiles);
  }

  private boolean awaitExit(String id, Duration timeout) throws InterruptedException {
    try (var wait = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
      return wait.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      throw new SandboxEngineException("waiting for sandbox " + id + " failed", e);
    }
  }

  private void kill(String id) {
    try {
      docker.killContainerCmd(id).exec();
    } catch (NotFoundException | NotModifiedException e) {
      log.debug("sandbox {} already gone when killed", id);
    } catch (DockerException e) {
      // An already-exited container answers 409; anything else the forced removal still handles.
      log.debug("kill of sandbox {} refused: {}", id, e.getMessage());
    }
  }

  private void remove(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).exec();
    } catch (NotFoundException e) {
      log.debug("sandbox {} already removed", id);
    } catch (DockerException e) {
      log.warn("could not remove sandbox {}: {}", id, e.getMessage());
    }
  }

  private static Duration wallTime(ContainerState state) {
    try {
      return Duration.between(Instant.parse(state.getStartedAt()), Instant.parse(state.getFinishedAt()));
    } catch (RuntimeException e) {
      return Duration.ZERO;
    }
  }

  /** Splits the multiplexed attach stream into the two capped buffers. */
  private static final class OutputCollector extends ResultCallback.Adapter<Frame> {
    private final CappedBuffer stdout;
    private final CappedBuffer stderr;
    private final Runnable onFatalOverflow;

    OutputCollector(CappedBuffer stdout, CappedBuffer stderr, Runnable onFatalOverflow) {
      this.stdout = stdout;
      this.stderr = stderr;
      this.onFatalOverflow = onFatalOverflow;
    }

    @Override
    public void onNext(Frame frame) {
      boolean toStderr = frame.getStreamType() == StreamType.STDERR;
      var target = toStderr ? stderr : stdout;
      if (target.append(frame.getPayload()) && target.cap().fatal()) {
        onFatalOverflow.run();
      }
    }
  }
}
