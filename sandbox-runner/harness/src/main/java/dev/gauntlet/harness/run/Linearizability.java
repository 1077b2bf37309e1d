package dev.gauntlet.harness.run;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether one trial's history is linearizable: whether some order of its calls, each taking effect
 * at an instant between its start and its return, gives every call the result it got when replayed
 * one by one on a fresh instance of the reference. A depth-first search over such orders (Wing and
 * Gong's), replaying each prefix from the start: the reference is a black box whose state cannot be
 * copied, and a trial's few calls make replaying cheap. Three threads of four calls have at most
 * 34,650 orders, so the search needs no budget.
 */
final class Linearizability {
  private final Workload<Object> workload;
  private final Class<?> reference;

  /** One call of a history, drawn again from the seed, with what the candidate's class made of it. */
  record Entry(Call<Object> call, long invokeNanos, long returnNanos, String result) {
  }

  Linearizability(Workload<Object> workload, Class<?> reference) {
    this.workload = workload;
    this.reference = reference;
  }

  /** True when {@code threads}, each thread's calls in their order, has a sequential explanation. */
  boolean holds(List<List<Entry>> threads) throws Failure {
    return search(threads, new int[threads.size()], new ArrayList<>());
  }

  private boolean search(List<List<Entry>> threads, int[] next, List<Entry> order) throws Failure {
    long firstReturn = Long.MAX_VALUE;
    for (int t = 0; t < threads.size(); t++) {
      if (next[t] < threads.get(t).size()) {
        firstReturn = Math.min(firstReturn, threads.get(t).get(next[t]).returnNanos());
      }
    }
    if (firstReturn == Long.MAX_VALUE) {
      return true;
    }
    for (int t = 0; t < threads.size(); t++) {
      if (next[t] == threads.get(t).size()) {
        continue;
      }
      Entry entry = threads.get(t).get(next[t]);
      // A call that started after another returned cannot take effect before it.
      if (entry.invokeNanos() > firstReturn || !entry.result().equals(replay(order, entry).orElse(null))) {
        continue;
      }
      order.add(entry);
      next[t]++;
      if (search(threads, next, order)) {
        return true;
      }
      next[t]--;
      order.remove(order.size() - 1);
    }
    return false;
  }

  /** What {@code last} returns on the reference after {@code order}; nothing when the reference throws. */
  private Optional<String> replay(List<Entry> order, Entry last) throws Failure {
    Object target = Instances.create(workload, reference);
    try {
      for (Entry entry : order) {
        entry.call().action().apply(target);
      }
      return Optional.of(Trials.rendered(last.call().action().apply(target)));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** A history as the candidate reads it: each thread's calls in order, with what they returned. */
  static String describe(List<List<Entry>> threads) {
    var text = new StringBuilder();
    for (int t = 0; t < threads.size(); t++) {
      text.append("\n  thread ").append(t + 1).append(':');
      for (Entry entry : threads.get(t)) {
        text.append(' ').append(entry.call().label()).append(" → ").append(entry.result()).append(';');
      }
    }
    return text.toString();
  }
}
