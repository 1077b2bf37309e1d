package dev.gauntlet.runner.docker;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one sandbox run did, as observed from outside (exit, OOM kill, time-out, caps) plus the
 * resource report of the program itself.
 *
 * @param exitCode        the command's exit status; 128+N when a signal N ended it
 * @param oomKilled       the engine saw the kernel kill the container for memory
 * @param timedOut        the wall-clock limit ran out and the runner killed the container
 * @param outputExceeded  a fatal output cap was passed and the runner killed the container
 * @param stdout          standard output, up to its cap
 * @param stderr          standard error, up to its cap, without the resource report line
 * @param wall            the program's elapsed time as it reported it, else as the runner measured the run
 * @param cpu             user plus system CPU time of the program, when it reported it
 * @param peakMemoryKb    peak resident memory of the program, when it reported it
 * @param out             files of {@code /sandbox/out}, when they were asked for and the run succeeded
 */
public record SandboxResult(int exitCode, boolean oomKilled, boolean timedOut, boolean outputExceeded,
                            byte[] stdout, byte[] stderr, Duration wall, Duration cpu,
                            OptionalLong peakMemoryKb, Map<String, byte[]> out) {
  public boolean succeeded() {
    return exitCode == 0 && !oomKilled && !timedOut && !outputExceeded;
  }
}
