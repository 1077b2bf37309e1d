package dev.gauntlet.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one probe run does: wait until the service answers, then run the scenarios, then the load,
 * whichever are given.
 *
 * @param port             where the service listens, on the loopback it shares with the probe
 * @param readyPath        polled until it answers 2xx
 * @param readyMillis      how long the service may take to become ready
 * @param requestTimeoutMs how long a scenario step may wait for its response
 * @param scenarios        run in order, each with its own captured values
 * @param load             one round of load, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(int port, String readyPath, int readyMillis, int requestTimeoutMs, List<Scenario> scenarios,
                   LoadPlan load) {
  public Plan {
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
  }
}
