package dev.gauntlet.runner.challenge;

import static dev.gauntlet.runner.challenge.ManifestChecks.inRange;

/**
 * Resources granted to each test run of a submission, from {@code limits:} in the manifest.
 *
 * @param buildSeconds wall-clock limit of the build
 * @param wallSeconds  wall-clock limit of one test run
 * @param memoryMb     memory of one test run (no swap)
 * @param cpus         CPU quota in cores
 * @param pids         processes and threads together
 * @param outputKb     standard output kept of one test run; more is {@code OUTPUT_LIMIT}
 */
public record Limits(int buildSeconds, double wallSeconds, int memoryMb, double cpus, int pids, int outputKb) {
  public Limits {
    inRange("build_seconds", buildSeconds, 1, 600);
    inRange("wall_seconds", wallSeconds, 0.1, 120);
    inRange("memory_mb", memoryMb, 16, 8192);
    inRange("cpus", cpus, 0.1, 8);
    inRange("pids", pids, 8, 4096);
    inRange("output_kb", outputKb, 1, 65536);
  }
}
