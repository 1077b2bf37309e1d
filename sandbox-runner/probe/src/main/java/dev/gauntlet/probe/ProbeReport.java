package dev.gauntlet.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the probe saw, printed as JSON on its standard output for the runner.
 *
 * @param readyMillis how long the service took to answer its readiness path; -1 when it never did
 * @param scenarios   one outcome per scenario of the plan, in order
 * @param rounds      the figures of each round of load the plan had, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeReport(long readyMillis, List<ScenarioOutcome> scenarios, List<LoadOutcome> rounds) {
  public ProbeReport {
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    rounds = rounds == null ? List.of() : List.copyOf(rounds);
  }

  public boolean ready() {
    return readyMillis >= 0;
  }

  /**
   * @param slowestMillis the longest any of its requests took, from sending to the end of the
   *                      response: what the package's per-request limit is measured against
   * @param failure       why the first failing step failed; null when the scenario passed
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ScenarioOutcome(String name, long slowestMillis, String failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  /**
   * @param setupFailure   why the load's setup failed; the load did not run then
   * @param sent           requests recorded (warm-up excluded)
   * @param errors         recorded requests answered with a status the mix does not expect, or refused
   * @param timeouts       recorded requests not answered within the timeout
   * @param latencyMicros  of each good response, from when its request was due until it was read
   * @param lateMillis     how long after its time in the timetable the round began (at the rate,
   *                       from then on): past a few milliseconds it overlapped what the timetable
   *                       gave to another round, and measured nothing a reader could trust
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LoadOutcome(String setupFailure, long sent, long errors, long timeouts, int[] latencyMicros,
                            long lateMillis) {
  }
}
