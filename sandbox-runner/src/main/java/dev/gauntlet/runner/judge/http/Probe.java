package dev.gauntlet.runner.judge.http;

import dev.gauntlet.probe.Plan;
import dev.gauntlet.probe.ProbeReport;
import dev.gauntlet.probe.Step;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.ProbeSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the HTTP probe ({@code dev.gauntlet.probe.ProbeMain}) beside a candidate's service. */
final class Probe {
  private static final ProbeReport GONE = new ProbeReport(-1, List.of(), null);
  /** JVM start-up and the drain after the load, beyond what the plan itself may take. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private final ProbeSandbox probes;

  Probe(Sandbox sandbox) {
    this.probes = new ProbeSandbox(sandbox);
  }

  /** Runs the plan against the service. A service that has ended answers nothing: the report then says it was not ready. */
  ProbeReport run(RunningSandbox service, Plan plan) {
    return probes.run(service, ProbeSandbox.Program.HTTP, plan, wall(plan), ProbeReport.class).orElse(GONE);
  }

  private static Duration wall(Plan plan) {
    var steps = new ArrayList<Step>();
    plan.scenarios().forEach(scenario -> steps.addAll(scenario.steps()));
    long millis = plan.readyMillis();
    if (plan.load() != null) {
      steps.addAll(plan.load().setup());
      long untilLastRound = plan.turns().isEmpty() ? 0 : Math.max(0, plan.turns().getLast() - System.currentTimeMillis());
      millis += untilLastRound + plan.load().roundMillis();
    }
    return Duration.ofMillis(millis + plan.stepsMillis(steps)).plus(MARGIN);
  }
}
