package dev.gauntlet.runner.node;

/**
 * @param runnerId the cluster member's id, recorded on the jobs it claims
 * @param slots    how many submissions this runner judges at once
 */
public record RunnerOptions(String runnerId, int slots) {
  public RunnerOptions {
    if (slots < 1) {
      throw new IllegalArgumentException("a runner needs at least one slot, was " + slots);
    }
  }
}
