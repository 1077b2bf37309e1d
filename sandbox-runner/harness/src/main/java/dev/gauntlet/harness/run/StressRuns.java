package dev.gauntlet.harness.run;

import dev.gauntlet.harness.api.Workload;
import dev.gauntlet.harness.protocol.Plan;
import dev.gauntlet.harness.protocol.ProblemKind;
import dev.gauntlet.harness.protocol.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Stress runs: many threads, many calls each, on one instance; after each, the workload checks what
 * must hold. The first run warms the JIT up and is not timed; each of the others is timed from the
 * making of its instance to the last thread's end. Timed runs are checked too, so a class that cuts
 * corners while it is timed fails as surely as one that always does; how sure that is depends on
 * how strict the workload's checks are.
 */
final class StressRuns {
  private final Workload<Object> workload;
  private final Class<?> implementation;
  private final Plan plan;

  StressRuns(Workload<Object> workload, Class<?> implementation, Plan plan) {
    this.workload = workload;
    this.implementation = implementation;
    this.plan = plan;
  }

  void run(Report.Writer report, long deadlineNanos, Set<Long> threadsBefore) throws Failure {
    var random = new SplittableRandom(~plan.seed());
    for (int run = 0; run <= plan.timedRuns(); run++) {
      // Making the instance is timed too: a constructor must not do a run's work ahead of it.
      long creating = System.nanoTime();
      Object target = Instances.createForStress(workload, implementation);
      long created = System.nanoTime() - creating;
      var tallies = new Object[plan.threads()];
      var tasks = new ArrayList<Workers.Task>();
      for (int thread = 0; thread < plan.threads(); thread++) {
        int t = thread;
        var threadRandom = random.split();
        tasks.add(() -> tallies[t] = workload.stress(target, t, threadRandom, plan.operations()));
      }
      String what = run == 0 ? "the warm-up stress run" : "timed stress run " + run;
      long nanos = created + Workers.run(tasks, deadlineNanos, what);
      String broken;
      try {
        broken = workload.verify(target, Arrays.asList(tallies));
      } catch (Exception | Error e) {
        throw new Failure(ProblemKind.THREW, "checking the state after " + what + " threw " + Workers.describe(e));
      }
      if (broken != null) {
        throw new Failure(ProblemKind.VIOLATION, "after " + what + " of " + plan.threads() + " threads making "
            + plan.operations() + " calls each: " + broken);
      }
      Leftovers.check(threadsBefore, what);
      if (run > 0) {
        report.timed(nanos);
      }
    }
  }
}
