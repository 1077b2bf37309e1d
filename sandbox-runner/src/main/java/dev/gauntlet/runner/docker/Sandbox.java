package dev.gauntlet.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one program in a confined container used for that run only, and removes the container
 * afterwards. The container is taken from the warm pool when one of the right shape is ready, else
 * created and started on the spot.
 *
 * <p>Files go in as a tar on the container's standard input, unpacked by {@code tar} before the
 * program starts; the program's own standard input is a file from that tar, so no end-of-stream
 * has to cross the engine's hijacked connection. Output comes back over the attach stream, capped
 * while it is read. Blocking: call it from a worker thread.
 */
public final class Sandbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
  private static final int MAX_OUT_ENTRIES = 2_000;
  private static final int MAX_WARM_SHAPES = 8;
  private static final Duration ENGINE_GRACE = Duration.ofSeconds(10);

  private final DockerClient docker;
  private final SandboxContainers containers;
  private final WarmPool pool;
  private volatile int engineCpus;

  /** A sandbox without a warm pool: every run creates its container. */
  public Sandbox(DockerClient docker) {
    this(docker, 0);
  }

  /** A sandbox that keeps {@code warmPerShape} started containers ready for each shape of run in use. */
  public Sandbox(DockerClient docker, int warmPerShape) {
    this.docker = docker;
    this.containers = new SandboxContainers(docker);
    this.pool = new WarmPool(containers, warmPerShape, MAX_WARM_SHAPES);
  }

  public SandboxResult run(SandboxRequest request) {
    var shape = ContainerShape.of(request);
    var warm = shape.isolated() ? pool.take(shape) : Optional.<String>empty();
    if (warm.isPresent()) {
      try {
        return runAndRemove(warm.get(), false, request);
      } catch (WarmContainerGone e) {
        // A warm container can die while it waits (an engine restart kills them all): one fresh try.
        log.warn("warm sandbox {} was gone, using a fresh one: {}", warm.get(), e.getMessage());
      }
    }
    return runAndRemove(containers.create(shape), true, request);
  }

  /**
   * Starts a program that runs until it is stopped (a service), in a fresh container. Its wall
   * limit still holds; output is kept up to the caps, and a fatal cap kills it as in a run.
   */
  public RunningSandbox start(SandboxRequest request) {
    String id = containers.create(ContainerShape.of(request));
    try {
      var started = begin(id, true, request);
      return new RunningSandbox(id, started, this::isRunning, attached -> {
        try {
          containers.kill(id);
          return finish(id, attached, ENGINE_GRACE);
        } finally {
          containers.remove(id);
        }
      }, containers);
    } catch (RuntimeException e) {
      containers.remove(id);
      throw e instanceof SandboxEngineException || e instanceof SandboxOutputException ? e
          : new SandboxEngineException("the engine failed while starting sandbox " + id, e);
    }
  }

  private SandboxResult runAndRemove(String id, boolean fresh, SandboxRequest request) {
    try {
      return runIn(id, fresh, request);
    } catch (SandboxOutputException | SandboxEngineException | WarmContainerGone e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SandboxEngineException("the engine failed while running sandbox " + id, e);
    } finally {
      containers.remove(id);
    }
  }

  /** How many CPUs the engine's host has, asked once. */
  public int engineCpus() {
    int cpus = engineCpus;
    if (cpus == 0) {
      cpus = containers.engineCpus();
      engineCpus = cpus;
    }
    return cpus;
  }

  /** Removes what a process on this host that died left behind; call once when a runner starts. */
  public int removeOrphans() {
    return containers.removeOrphans();
  }

  /** The warm containers waiting for a run. */
  public Set<String> idle() {
    return pool.idle();
  }

  /** Empties the warm pool and removes every sandbox still running, for a runner that stops. */
  @Override
  public void close() {
    pool.close();
    containers.removeAll();
  }

  private SandboxResult runIn(String id, boolean fresh, SandboxRequest request) {
    return finish(id, begin(id, fresh, request), request.limits().wall());
  }

  /** Sends the files, attaches to the output, and starts the program. */
  private Attached begin(String id, boolean fresh, SandboxRequest request) {
    var limits = request.limits();
    var report = new ResourceReport();
    var stdout = new CappedBuffer(limits.stdout());
    var stderr = new CappedBuffer(limits.stderr());
    var overflowKilled = new AtomicBoolean();
    var files = new HashMap<>(request.files());
    files.put(ShellScript.RUN_FILE, ShellScript.forRequest(request, report.format()).getBytes(StandardCharsets.UTF_8));
    long began = System.nanoTime();
    var collector = new OutputCollector(stdout, stderr, () -> {
      // Killing from the stream's own thread would deadlock: the engine drains the
      // container's output before it reports the kill, and this thread is the one draining.
      if (overflowKilled.compareAndSet(false, true)) {
        CompletableFuture.runAsync(() -> containers.kill(id));
      }
    });
    var attach = docker.attachContainerCmd(id)
        .withStdIn(new ByteArrayInputStream(TarArchives.write(files)))
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .exec(collector);
    var attached = new Attached(request, attach, report, stdout, stderr, overflowKilled, began);
    try {
      awaitAttached(id, attach, fresh);
      if (fresh) {
        containers.start(id);
      }
      return attached;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      attached.closeQuietly();
      throw new SandboxEngineException("interrupted while starting sandbox " + id, e);
    } catch (RuntimeException e) {
      attached.closeQuietly();
      throw e;
    }
  }

  /** Waits up to {@code wait} for the program to end, kills it if it has not, and reads the outcome. */
  private SandboxResult finish(String id, Attached attached, Duration wait) {
    try (var attach = attached.attach()) {
      boolean timedOut = !awaitExit(id, wait);
      if (timedOut) {
        containers.kill(id);
        awaitExit(id, ENGINE_GRACE);
      }
      Duration measured = Duration.ofNanos(System.nanoTime() - attached.began());
      if (!attach.awaitCompletion(ENGINE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        // Judging what arrived so far would judge a truncated output.
        throw new SandboxEngineException("the output of sandbox " + id + " did not end", null);
      }
      var state = docker.inspectContainerCmd(id).exec().getState();
      return result(attached.request(), state, timedOut, attached.overflowKilled().get(), attached.stdout(),
          attached.stderr(), attached.report().extract(attached.stderr()), measured);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxEngineException("interrupted while running sandbox " + id, e);
    } catch (IOException e) {
      throw new SandboxEngineException("attach stream of sandbox " + id + " failed", e);
    }
  }

  private boolean isRunning(String id) {
    try {
      return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw new SandboxEngineException("the engine could not inspect sandbox " + id, e);
    }
  }

  private static SandboxResult result(SandboxRequest request, ContainerState state, boolean timedOut,
                                      boolean outputExceeded, CappedBuffer stdout, CappedBuffer stderr,
                                      ResourceReport.Usage usage, Duration measured) {
    int exitCode = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
    boolean oomKilled = Boolean.TRUE.equals(state.getOOMKilled());
    byte[] out = request.collectOut() ? stdout.bytes() : new byte[0];
    boolean succeeded = exitCode == 0 && !oomKilled && !timedOut && !outputExceeded;
    Map<String, byte[]> outFiles = request.collectOut() && succeeded
        ? TarArchives.read(out, MAX_OUT_ENTRIES, request.limits().stdout().bytes())
        : Map.of();
    return new SandboxResult(exitCode, oomKilled, timedOut, outputExceeded,
        request.collectOut() ? new byte[0] : stdout.bytes(), usage.remainingStderr(),
        usage.elapsed().orElse(measured), usage.cpu(), usage.peakMemoryKb(), outFiles);
  }

  /**
   * Waits for the attach stream to open, and gives up at once when the engine refused it (the
   * container is gone). A warm container must still be running, waiting for its tar; one that is
   * not never ran anything of this request, so the caller may try a fresh one.
   */
  private void awaitAttached(String id, OutputCollector attach, boolean fresh) throws InterruptedException {
    long deadline = System.nanoTime() + ENGINE_GRACE.toNanos();
    while (!attach.awaitStarted(50, TimeUnit.MILLISECONDS)) {
      if (attach.failure() != null || System.nanoTime() > deadline) {
        String message = "attach to sandbox " + id + " did not start";
        throw fresh ? new SandboxEngineException(message, attach.failure()) : new WarmContainerGone(message, attach.failure());
      }
    }
    if (!fresh) {
      try {
        if (!Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning())) {
          throw new WarmContainerGone("warm sandbox " + id + " is no longer running", null);
        }
      } catch (NotFoundException e) {
        throw new WarmContainerGone("warm sandbox " + id + " is gone", e);
      }
    }
  }

  private boolean awaitExit(String id, Duration timeout) throws InterruptedException {
    try (var wait = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
      return wait.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      throw new SandboxEngineException("waiting for sandbox " + id + " failed", e);
    }
  }

  /** A program started in a container, with what collects its output. */
  record Attached(SandboxRequest request, OutputCollector attach, ResourceReport report, CappedBuffer stdout,
                  CappedBuffer stderr, AtomicBoolean overflowKilled, long began) {
    void closeQuietly() {
      try {
        attach.close();
      } catch (IOException e) {
        log.debug("closing an attach stream failed: {}", e.getMessage());
      }
    }
  }

  /** A warm container that died before this run reached it: nothing of the run happened. */
  private static final class WarmContainerGone extends RuntimeException {
    WarmContainerGone(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Splits the multiplexed attach stream into the two capped buffers. */
  static final class OutputCollector extends ResultCallback.Adapter<Frame> {
    private final CappedBuffer stdout;
    private final CappedBuffer stderr;
    private final Runnable onFatalOverflow;
    private volatile Throwable failure;

    OutputCollector(CappedBuffer stdout, CappedBuffer stderr, Runnable onFatalOverflow) {
      this.stdout = stdout;
      this.stderr = stderr;
      this.onFatalOverflow = onFatalOverflow;
    }

    Throwable failure() {
      return failure;
    }

    @Override
    public void onError(Throwable throwable) {
      failure = throwable;
      super.onError(throwable);
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
