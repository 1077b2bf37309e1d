package dev.gauntlet.runner.docker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers created and started ahead of need, so that creating and starting one is off a run's
 * critical path. Each waits in the bootstrap for its tar; each is handed out once and removed after
 * its run, never reused. Shapes become known from demand: the first run of a shape starts a fresh
 * container and the pool fills for the next ones, in the background, for the shapes used last.
 */
final class WarmPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WarmPool.class);

  private final SandboxContainers containers;
  private final int perShape;
  private final int maxShapes;
  /** In access order: the shape used longest ago is the one given up when there are too many. */
  private final Map<ContainerShape, Deque<String>> idle = new LinkedHashMap<>(16, 0.75f, true);
  private final ExecutorService filler = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().name("gauntlet-warm-pool").daemon().factory());
  private boolean closed;

  WarmPool(SandboxContainers containers, int perShape, int maxShapes) {
    if (perShape < 0 || maxShapes < 1) {
      throw new IllegalArgumentException("warm pool of " + perShape + " per shape, " + maxShapes + " shapes");
    }
    this.containers = containers;
    this.perShape = perShape;
    this.maxShapes = maxShapes;
  }

  /** A started container of this shape if one is ready; either way the pool refills for the next run. */
  Optional<String> take(ContainerShape shape) {
    if (perShape == 0) {
      return Optional.empty();
    }
    String id;
    List<String> evicted;
    synchronized (this) {
      if (closed) {
        return Optional.empty();
      }
      id = idle.computeIfAbsent(shape, s -> new ArrayDeque<>()).pollFirst();
      evicted = evictBeyondLimit();
    }
    try {
      filler.execute(() -> {
        evicted.forEach(containers::remove);
        fill(shape);
      });
    } catch (RejectedExecutionException closing) {
      // Closed since the lock was let go: close() removes the idle containers itself.
      evicted.forEach(containers::remove);
    }
    return Optional.ofNullable(id);
  }

  /** The containers waiting in the pool now. */
  synchronized Set<String> idle() {
    var ids = new HashSet<String>();
    idle.values().forEach(ids::addAll);
    return ids;
  }

  private List<String> evictBeyondLimit() {
    var evicted = new ArrayList<String>();
    var shapes = idle.entrySet().iterator();
    while (idle.size() > maxShapes && shapes.hasNext()) {
      evicted.addAll(shapes.next().getValue());
      shapes.remove();
    }
    return evicted;
  }

  private void fill(ContainerShape shape) {
    while (true) {
      synchronized (this) {
        var waiting = idle.get(shape);
        if (closed || waiting == null || waiting.size() >= perShape) {
          return;
        }
      }
      String id;
      try {
        id = containers.create(shape);
      } catch (SandboxEngineException e) {
        log.warn("could not warm a sandbox for {}: {}", shape.image(), e.getMessage());
        return;
      }
      try {
        containers.start(id);
      } catch (SandboxEngineException e) {
        log.warn("could not start a warm sandbox for {}: {}", shape.image(), e.getMessage());
        containers.remove(id);
        return;
      }
      synchronized (this) {
        var waiting = idle.get(shape);
        if (!closed && waiting != null) {
          waiting.addLast(id);
          continue;
        }
      }
      containers.remove(id);
      return;
    }
  }

  @Override
  public void close() {
    List<String> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(idle());
      idle.clear();
    }
    filler.shutdown();
    try {
      // A container being created now is removed by the filler itself once it sees the pool closed.
      filler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    all.forEach(containers::remove);
  }
}
