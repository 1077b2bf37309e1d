package dev.gauntlet.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one probe run does: wait until the service answers, then run the scenarios, then the load,
 * whichever are given. The load runs once at once, or once at each time of {@code turns}: a
 * timetable the runner shares with the probe of another service, which loads that one in between.
 *
 * @param port             where the service listens, on the loopback it shares with the probe
 * @param readyPath        polled until it answers 2xx
 * @param readyMillis      how long the service may take to become ready
 * @param requestTimeoutMs how long a scenario step may wait for its response
 * @param scenarios        run in order, each with its own captured values
 * @param load             the load of one round, or null
 * @param turns            when each round starts, in milliseconds since the epoch (both probes and
 *                         the runner read the one clock of the host's kernel); empty for one round
 *                         that starts at once
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(int port, String readyPath, int readyMillis, int requestTimeoutMs, List<Scenario> scenarios,
                   LoadPlan load, List<Long> turns) {
  public Plan {
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    turns = turns == null ? List.of() : List.copyOf(turns);
  }

  /** The same plan with its load's rounds at these times. */
  public Plan withTurns(List<Long> times) {
    return new Plan(port, readyPath, readyMillis, requestTimeoutMs, scenarios, load, times);
  }

  /** The longest the steps may take: each its wait, then its request's timeout. */
  public long stepsMillis(List<Step> steps) {
    return steps.stream().mapToLong(step -> requestTimeoutMs + step.waitMs()).sum();
  }

  /** A plan whose load, if any, runs one round at once. */
  public Plan(int port, String readyPath, int readyMillis, int requestTimeoutMs, List<Scenario> scenarios,
              LoadPlan load) {
    this(port, readyPath, readyMillis, requestTimeoutMs, scenarios, load, List.of());
  }
}
