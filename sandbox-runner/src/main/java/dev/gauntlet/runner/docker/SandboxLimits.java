package dev.gauntlet.runner.docker;

import java.time.Duration;

/**
 * The resources one sandbox run may use. Every limit is enforced from outside the container:
 * by the kernel through the engine, or by the runner's clock.
 *
 * @param memoryBytes memory, also the memory+swap ceiling so that nothing swaps
 * @param cpus        CPU quota in cores
 * @param pids        processes and threads together
 * @param wall        wall-clock time from start until the container is killed
 * @param stdout      what is kept of standard output
 * @param stderr      what is kept of standard error
 * @param scratchMb   size of the writable tmpfs at {@code /sandbox}
 */
public record SandboxLimits(long memoryBytes, double cpus, long pids, Duration wall,
                            StreamCap stdout, StreamCap stderr, int scratchMb) {
  public SandboxLimits {
    if (memoryBytes < 8L << 20 || cpus <= 0 || pids < 1 || wall.isNegative() || wall.isZero() || scratchMb < 1) {
      throw new IllegalArgumentException("sandbox limits out of range: " + memoryBytes + " bytes, "
          + cpus + " cpus, " + pids + " pids, " + wall + ", " + scratchMb + " MB scratch");
    }
  }

  /** Room for the files and 16 MiB more, in steps of 16 MiB so that runs share a warm-pool shape. */
  public static int scratchMbFor(long filesBytes) {
    return (int) ((filesBytes >> 24) + 2) * 16;
  }
}
