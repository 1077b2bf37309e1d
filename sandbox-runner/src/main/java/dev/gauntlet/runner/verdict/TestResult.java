package dev.gauntlet.runner.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.runner.challenge.Visibility;

/**
 * How one test case went. A judge gives the detail of every test case, for an author verifying a
 * package; what leaves a runner for a candidate goes through {@link #forCandidates()} first, so
 * hidden inputs and expected answers never do.
 *
 * @param name        the test case's name in the package
 * @param visibility  public or hidden
 * @param verdict     the outcome of this test case
 * @param wallMs      wall-clock time of the run, as the engine measured it; for a scenario, the
 *                    time of its slowest request
 * @param cpuMs       user plus system CPU time of the program
 * @param memoryKb    peak resident memory of the program, 0 when unknown
 * @param detail      what went wrong, with the first differing tokens or the failing step
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(String name, Visibility visibility, Verdict verdict, long wallMs, long cpuMs,
                         long memoryKb, String detail) {
  /** As a candidate may see it: a hidden test case without its detail. */
  public TestResult forCandidates() {
    return visibility == Visibility.PUBLIC ? this : new TestResult(name, visibility, verdict, wallMs, cpuMs, memoryKb, null);
  }
}
