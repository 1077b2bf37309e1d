package dev.gauntlet.runner.node;

import java.time.Duration;

/**
 * @param runnerId   the cluster member's id, recorded on the jobs it claims
 * @param slots      how many submissions this runner judges at once
 * @param renewEvery how often it renews the leases of the jobs it judges; well inside the lease
 */
public record RunnerOptions(String runnerId, int slots, Duration renewEvery) {
  public RunnerOptions {
    if (slots < 1) {
      throw new IllegalArgumentException("a runner needs at least one slot, was " + slots);
    }
  }
}
