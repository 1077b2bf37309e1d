package dev.gauntlet.probe;

import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the load mix at a constant rate, open loop: the schedule ({@link SendTimes}) never waits for
 * the service, and each latency counts from when its request was due. A service that stalls for a
 * second is charged a second on every request it delayed, not only on the one it was busy with.
 */
final class LoadGenerator {
  /**
   * Requests in flight at most. Past it the service is not keeping up at all; further requests
   * count as timeouts instead of opening more connections than the sandbox's file limit.
   */
  static final int MAX_IN_FLIGHT = 192;
  private static final int PENDING = -1;
  private static final int ERROR = -2;
  private static final int TIMEOUT = -3;
  /** Threads beyond the cap, for the moment between a request ending and its thread being idle again. */
  private static final int SPARE_THREADS = 8;

  private final int port;
  /**
   * Shared by all the rounds of a probe, like the senders: a sender stuck writing to a service that
   * stopped reading stays in flight, and the cap then holds over every round, not each.
   */
  private final AtomicInteger inFlight = new AtomicInteger();
  // Never shut down: that would wait for a stuck sender. Senders are daemons that end with the probe.
  private final ThreadPoolExecutor senders = senders();
  /** One for all the probe's rounds: each side's probe then draws the same times for the same round. */
  private final SendTimes sendTimes = new SendTimes();

  LoadGenerator(int port) {
    this.port = port;
  }

  /**
   * One round, starting at {@code startMillis} on the epoch clock, or at once if that has passed:
   * a late round is sent at the rate from when it begins, not in a burst that catches up.
   */
  LoadOutcome run(LoadPlan plan, Variables variables, long startMillis) throws InterruptedException {
    var requests = new ArrayList<byte[]>();
    for (LoadRequest request : plan.requests()) {
      requests.add(OutgoingRequest.of(request.request(), variables).http11("127.0.0.1:" + port));
    }
    int[] order = interleaved(plan.requests());
    int total = Math.toIntExact(plan.total());
    int warmup = Math.toIntExact(plan.warmupRequests());
    var outcome = new AtomicIntegerArray(total);
    for (int i = 0; i < total; i++) {
      outcome.set(i, PENDING);
    }
    long[] dueNanos = sendTimes.nextRound(total, plan.rate());
    long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(plan.timeoutMs());
    long late = Math.max(0, System.currentTimeMillis() - startMillis);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, startMillis - System.currentTimeMillis()));
    try (var client = new LoadClient(port)) {
      for (int i = 0; i < total; i++) {
        long due = start + dueNanos[i];
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        if (inFlight.get() >= MAX_IN_FLIGHT) {
          outcome.set(i, TIMEOUT);
          continue;
        }
        inFlight.incrementAndGet();
        int index = i;
        int kind = order[i % order.length];
        try {
          senders.execute(() -> {
            outcome.set(index, exchange(client, plan.requests().get(kind), requests.get(kind), due, timeoutNanos));
            inFlight.decrementAndGet();
          });
        } catch (RejectedExecutionException e) {
          outcome.set(index, TIMEOUT);
          inFlight.decrementAndGet();
        }
      }
      long drainDeadline = System.nanoTime() + timeoutNanos + TimeUnit.MILLISECONDS.toNanos(LoadPlan.DRAIN_MARGIN_MILLIS);
      while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
        Thread.sleep(5);
      }
    }
    return tally(outcome, warmup, late);
  }

  /** The microseconds from when the request was due to its response's end, or why there is none. */
  private static int exchange(LoadClient client, LoadRequest kind, byte[] request, long due, long timeoutNanos) {
    try {
      int status = client.send(request, kind.request().method().equals("HEAD"), due + timeoutNanos);
      long micros = (System.nanoTime() - due) / 1_000;
      return kind.isGood(status) ? (int) Math.min(Integer.MAX_VALUE, micros) : ERROR;
    } catch (SocketTimeoutException e) {
      return TIMEOUT;
    } catch (IOException e) {
      return ERROR;
    }
  }

  /**
   * Platform threads, each blocked on its own socket: a response wakes its thread straight from
   * the kernel, with no selector or executor hand-off between the bytes and the clock.
   */
  private static ThreadPoolExecutor senders() {
    var threads = Thread.ofPlatform().name("load-", 0).daemon(true).factory();
    return new ThreadPoolExecutor(0, MAX_IN_FLIGHT + SPARE_THREADS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
        threads);
  }

  private static LoadOutcome tally(AtomicIntegerArray outcome, int warmup, long lateMillis) {
    long errors = 0;
    long timeouts = 0;
    int[] latencies = new int[outcome.length() - warmup];
    int good = 0;
    for (int i = warmup; i < outcome.length(); i++) {
      int value = outcome.get(i);
      if (value >= 0) {
        latencies[good++] = value;
      } else if (value == ERROR) {
        errors++;
      } else {
        timeouts++;
      }
    }
    return new LoadOutcome(null, outcome.length() - warmup, errors, timeouts, Arrays.copyOf(latencies, good),
        lateMillis);
  }

  /**
   * The mix as a cycle in which each kind appears as often as its weight, spread evenly (smooth
   * weighted round-robin), so that a short round sees the same proportions as a long one.
   */
  static int[] interleaved(List<LoadRequest> mix) {
    int sum = mix.stream().mapToInt(LoadRequest::weight).sum();
    int[] current = new int[mix.size()];
    int[] cycle = new int[sum];
    for (int slot = 0; slot < sum; slot++) {
      int best = 0;
      for (int k = 0; k < mix.size(); k++) {
        current[k] += mix.get(k).weight();
        if (current[k] > current[best]) {
          best = k;
        }
      }
      current[best] -= sum;
      cycle[slot] = best;
    }
    return cycle;
  }
}
