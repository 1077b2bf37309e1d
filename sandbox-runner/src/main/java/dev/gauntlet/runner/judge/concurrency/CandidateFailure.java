package dev.gauntlet.runner.judge.concurrency;

import dev.gauntlet.harness.protocol.Report;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.judge.Logs;
import dev.gauntlet.runner.verdict.Verdict;

/** Why a harness run on the candidate's class earns nothing, as a verdict and what the candidate reads. */
record CandidateFailure(Verdict verdict, String message) {
  /**
   * Null when the run reported no problem and all it should have: {@code calls} trial calls and
   * {@code timedRuns} timed stress runs. The harness writes them all before it signs, so a report
   * without them was not the harness's doing.
   */
  static CandidateFailure of(HarnessSandbox.Outcome run, int calls, int timedRuns) {
    SandboxResult result = run.result();
    if (run.report().isEmpty()) {
      return withoutReport(result);
    }
    Report report = run.report().get();
    Report.Problem problem = report.problem();
    if (problem == null && (report.calls().size() != calls || report.timedNanos().size() != timedRuns)) {
      return new CandidateFailure(Verdict.RUNTIME_ERROR, "the harness's report was not whole");
    }
    if (problem == null) {
      return null;
    }
    Verdict verdict = switch (problem.kind()) {
      case STUCK -> Verdict.TIME_LIMIT;
      case VIOLATION, NOT_LINEARIZABLE -> Verdict.WRONG_ANSWER;
      case SETUP, THREW, LEFTOVER_THREADS -> Verdict.RUNTIME_ERROR;
    };
    return new CandidateFailure(verdict, problem.message());
  }

  /** The JVM ended, or was ended, before the harness could sign a report: whatever it printed is not one. */
  private static CandidateFailure withoutReport(SandboxResult result) {
    if (result.timedOut()) {
      return new CandidateFailure(Verdict.TIME_LIMIT, "still running when the time limit ran out");
    }
    if (result.oomKilled()) {
      return new CandidateFailure(Verdict.MEMORY_LIMIT, "killed by the kernel for using more memory than the limit");
    }
    if (result.outputExceeded()) {
      return new CandidateFailure(Verdict.OUTPUT_LIMIT, "printed more than the output limit");
    }
    return new CandidateFailure(Verdict.RUNTIME_ERROR, "the JVM ended (exit status " + result.exitCode() + ") before"
        + " the harness reported; an exit, a halt or printed result lines count for nothing"
        + Logs.stderrTail(result.stderr()));
  }
}
