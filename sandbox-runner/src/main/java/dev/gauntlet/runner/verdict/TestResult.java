package dev.gauntlet.runner.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gauntlet.runner.challenge.Visibility;

/**
 * How one test case went. Hidden test cases carry no {@code detail}: their inputs and expected
 * answers never leave the runner.
 *
 * @param name        the test case's name in the package
 * @param visibility  public or hidden
 * @param verdict     the outcome of this test case
 * @param wallMs      wall-clock time of the run, as the engine measured it; for a scenario, the
 *                    time of its slowest request
 * @param cpuMs       user plus system CPU time of the program
 * @param memoryKb    peak resident memory of the program, 0 when unknown
 * @param detail      for public test cases: what went wrong, with the first differing tokens
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestResult(String name, Visibility visibility, Verdict verdict, long wallMs, long cpuMs,
                         long memoryKb, String detail) {
}
