package dev.gauntlet.harness.run;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import dev.gauntlet.harness.protocol.Plan;
import dev.gauntlet.harness.protocol.ProblemKind;
import dev.gauntlet.harness.protocol.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the candidate's trial histories against the reference, in the reference's sandbox. The calls
 * are drawn again from the plan's seed, so the history only says when each call ran and what it
 * returned; a history that does not match the plan (a trial, a thread or a call missing) is refused.
 */
final class HistoryCheck {
  private HistoryCheck() {
  }

  static void run(Workload<Object> workload, Class<?> reference, Plan plan, Report candidate, Report.Writer report)
      throws Failure {
    var byTrial = new ArrayList<List<List<Report.RecordedCall>>>();
    for (int trial = 0; trial < plan.trials(); trial++) {
      var threads = new ArrayList<List<Report.RecordedCall>>();
      for (int thread = 0; thread < plan.trialThreads(); thread++) {
        threads.add(new ArrayList<>());
      }
      byTrial.add(threads);
    }
    for (Report.RecordedCall call : candidate.calls()) {
      if (call.trial() >= plan.trials() || call.thread() >= plan.trialThreads()
          || call.index() != byTrial.get(call.trial()).get(call.thread()).size()) {
        throw new IllegalArgumentException("the histories do not match the plan");
      }
      byTrial.get(call.trial()).get(call.thread()).add(call);
    }
    var linearizability = new Linearizability(workload, reference);
    for (int trial = 0; trial < plan.trials(); trial++) {
      var calls = Trials.calls(workload, plan, trial);
      var history = new ArrayList<List<Linearizability.Entry>>();
      for (int thread = 0; thread < plan.trialThreads(); thread++) {
        var recorded = byTrial.get(trial).get(thread);
        if (recorded.size() != plan.trialCalls()) {
          throw new IllegalArgumentException("trial " + trial + " lacks calls");
        }
        var entries = new ArrayList<Linearizability.Entry>();
        for (int i = 0; i < recorded.size(); i++) {
          Call<Object> call = calls.get(thread).get(i);
          var seen = recorded.get(i);
          entries.add(new Linearizability.Entry(call, seen.invokeNanos(), seen.returnNanos(), seen.result()));
        }
        history.add(entries);
      }
      if (!linearizability.holds(history)) {
        throw new Failure(ProblemKind.NOT_LINEARIZABLE, "in trial " + (trial + 1) + " of " + plan.trials() + ", "
            + plan.trialThreads() + " threads made these calls at once, and no order of them, each taking effect"
            + " between its start and its return, explains what they returned:" + Linearizability.describe(history));
      }
    }
    report.checked(plan.trials());
  }
}
