package dev.gauntlet.probe;

import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import dev.gauntlet.probe.ProbeReport.ScenarioOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Plan} against the service that shares this process's loopback, and prints a
 * {@link ProbeReport} as JSON on standard output. Exit status 0 means the report is complete,
 * whatever the service did; anything else is the probe's own failure.
 */
public final class ProbeMain {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  private ProbeMain() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    ProbeJson.serve(args, "ProbeMain <plan.json>", Plan.class, ProbeMain::run);
  }

  static ProbeReport run(Plan plan) throws InterruptedException {
    var client = new Client(plan.port(), CONNECT_TIMEOUT);
    long ready = Readiness.await(client, plan.readyPath(), Duration.ofMillis(plan.readyMillis()));
    if (ready < 0) {
      return new ProbeReport(-1, null, null);
    }
    var steps = new StepRunner(client, Duration.ofMillis(plan.requestTimeoutMs()));
    var outcomes = new ArrayList<ScenarioOutcome>();
    for (Scenario scenario : plan.scenarios()) {
      var outcome = steps.run(scenario.steps(), new Variables());
      outcomes.add(new ScenarioOutcome(scenario.name(), outcome.slowest().toMillis(), outcome.failure().orElse(null)));
    }
    var rounds = new ArrayList<LoadOutcome>();
    if (plan.load() != null) {
      var variables = new Variables();
      var setupFailure = steps.run(plan.load().setup(), variables).failure();
      try {
        if (setupFailure.isPresent()) {
          rounds.add(setupFailed(setupFailure.get()));
        } else {
          var generator = new LoadGenerator(plan.port());
          for (long turn : plan.turns().isEmpty() ? List.of(System.currentTimeMillis()) : plan.turns()) {
            rounds.add(generator.run(plan.load(), variables, turn));
          }
        }
      } catch (StepFailure unexpanded) {
        rounds.add(setupFailed(unexpanded.getMessage()));
      }
    }
    return new ProbeReport(ready, outcomes, rounds);
  }

  private static LoadOutcome setupFailed(String why) {
    return new LoadOutcome(why, 0, 0, 0, new int[0], 0);
  }
}
