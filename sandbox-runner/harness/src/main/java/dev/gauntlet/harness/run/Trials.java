package dev.gauntlet.harness.run;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import dev.gauntlet.harness.protocol.Plan;
import dev.gauntlet.harness.protocol.Report;
import dev.gauntlet.harness.protocol.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Linearizability trials: each a new instance and a few threads making a few calls each, all at
 * once, recording when every call started and returned and what it returned. The histories are not
 * judged here, in the candidate's sandbox: the reference's sandbox replays them.
 */
final class Trials {
  /** What a call returned, as a history holds it: long enough to tell results apart, short enough to ship. */
  private static final int RESULT_CHARS = 200;
  private static final long TRIAL_SPACING = 0x9E3779B97F4A7C15L;

  private final Workload<Object> workload;
  private final Class<?> implementation;
  private final Plan plan;

  Trials(Workload<Object> workload, Class<?> implementation, Plan plan) {
    this.workload = workload;
    this.implementation = implementation;
    this.plan = plan;
  }

  void run(Report.Writer report, long deadlineNanos, Set<Long> threadsBefore) throws Failure {
    for (int trial = 0; trial < plan.trials(); trial++) {
      var calls = calls(workload, plan, trial);
      Object target = Instances.create(workload, implementation);
      var invoked = new long[plan.trialThreads()][plan.trialCalls()];
      var returned = new long[plan.trialThreads()][plan.trialCalls()];
      var results = new String[plan.trialThreads()][plan.trialCalls()];
      var tasks = new ArrayList<Workers.Task>();
      for (int thread = 0; thread < plan.trialThreads(); thread++) {
        int t = thread;
        tasks.add(() -> {
          for (int i = 0; i < plan.trialCalls(); i++) {
            Call<Object> call = calls.get(t).get(i);
            invoked[t][i] = System.nanoTime();
            // Rendered before the return is stamped: the result's toString is the class's code too.
            results[t][i] = rendered(call.action().apply(target));
            returned[t][i] = System.nanoTime();
          }
        });
      }
      String what = "trial " + (trial + 1);
      Workers.run(tasks, deadlineNanos, what);
      Leftovers.check(threadsBefore, what);
      for (int t = 0; t < plan.trialThreads(); t++) {
        for (int i = 0; i < plan.trialCalls(); i++) {
          report.call(new Report.RecordedCall(trial, t, i, invoked[t][i], returned[t][i], results[t][i]));
        }
      }
    }
  }

  /** The calls of one trial, per thread: drawn again, alike, where the history is checked. */
  static List<List<Call<Object>>> calls(Workload<Object> workload, Plan plan, int trial) {
    var random = new SplittableRandom(plan.seed() + trial * TRIAL_SPACING);
    var calls = new ArrayList<List<Call<Object>>>();
    for (int thread = 0; thread < plan.trialThreads(); thread++) {
      var threadRandom = random.split();
      var threadCalls = new ArrayList<Call<Object>>();
      for (int i = 0; i < plan.trialCalls(); i++) {
        threadCalls.add(workload.call(threadRandom));
      }
      calls.add(threadCalls);
    }
    return calls;
  }

  static String rendered(Object result) {
    return Text.cap(String.valueOf(result), RESULT_CHARS);
  }
}
