package dev.gauntlet.runner.docker;

/**
 * What of a sandbox is fixed when its container is created: the image and the limits the engine
 * enforces. Runs of the same shape can take a container started ahead of need from the warm pool.
 *
 * @param image       runtime image
 * @param memoryBytes memory, also the memory+swap ceiling so that nothing swaps
 * @param cpus        CPU quota in cores
 * @param pids        processes and threads together
 * @param scratchMb   size of the writable tmpfs at {@code /sandbox}
 * @param fileBytes   the largest file a process may write
 * @param networkMode {@value #ISOLATED}, or {@code container:<id>} to share that sandbox's loopback
 */
public record ContainerShape(String image, long memoryBytes, double cpus, long pids, int scratchMb, long fileBytes,
                             String networkMode) {
  static final String ISOLATED = "none";

  static ContainerShape of(SandboxRequest request) {
    var limits = request.limits();
    long largestOutput = Math.max(limits.stdout().bytes(), limits.stderr().bytes());
    return new ContainerShape(request.image(), limits.memoryBytes(), limits.cpus(), limits.pids(), limits.scratchMb(),
        Math.max((long) limits.scratchMb() << 20, largestOutput),
        request.networkOf().map(id -> "container:" + id).orElse(ISOLATED));
  }

  /** Only isolated sandboxes come from the warm pool: a shared network names one running sandbox. */
  boolean isolated() {
    return ISOLATED.equals(networkMode);
  }
}
