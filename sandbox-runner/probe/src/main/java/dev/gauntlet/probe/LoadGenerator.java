package dev.gauntlet.probe;

import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the load mix at a constant rate, open loop: the schedule never waits for the service, and
 * each latency counts from when its request was due. A service that stalls for a second is
 * charged a second on every request it delayed, not only on the one it was busy with.
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
  private static final Duration DRAIN_MARGIN = Duration.ofSeconds(1);

  private final Client client;

  LoadGenerator(Client client) {
    this.client = client;
  }

  LoadOutcome run(LoadPlan plan, Variables variables) throws InterruptedException {
    List<HttpRequest> requests = new ArrayList<>();
    for (LoadRequest request : plan.requests()) {
      requests.add(client.build(request.request(), variables, Duration.ofMillis(plan.timeoutMs())));
    }
    int[] order = interleaved(plan.requests());
    int total = Math.toIntExact(plan.total());
    int warmup = (int) Math.round(plan.rate() * plan.warmupSeconds());
    int[] outcome = new int[total];
    Arrays.fill(outcome, PENDING);
    var inFlight = new AtomicInteger();
    double intervalNanos = 1e9 / plan.rate();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
    for (int i = 0; i < total; i++) {
      long due = start + Math.round(i * intervalNanos);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        outcome[i] = TIMEOUT;
        continue;
      }
      inFlight.incrementAndGet();
      int index = i;
      LoadRequest kind = plan.requests().get(order[i % order.length]);
      client.sendAsync(requests.get(order[i % order.length])).whenComplete((response, failure) -> {
        if (failure != null) {
          outcome[index] = unwrap(failure) instanceof HttpTimeoutException ? TIMEOUT : ERROR;
        } else if (kind.isGood(response.statusCode())) {
          outcome[index] = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - due) / 1_000);
        } else {
          outcome[index] = ERROR;
        }
        inFlight.decrementAndGet();
      });
    }
    long drainDeadline = System.nanoTime() + Duration.ofMillis(plan.timeoutMs()).plus(DRAIN_MARGIN).toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
      Thread.sleep(5);
    }
    return tally(outcome, warmup);
  }

  private static LoadOutcome tally(int[] outcome, int warmup) {
    long errors = 0;
    long timeouts = 0;
    int[] latencies = new int[outcome.length - warmup];
    int good = 0;
    for (int i = warmup; i < outcome.length; i++) {
      int value = outcome[i];
      if (value >= 0) {
        latencies[good++] = value;
      } else if (value == ERROR) {
        errors++;
      } else {
        timeouts++;
      }
    }
    return new LoadOutcome(null, outcome.length - warmup, errors, timeouts, Arrays.copyOf(latencies, good));
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

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
