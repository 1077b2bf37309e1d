package dev.gauntlet.runner.judge.http;

import dev.gauntlet.probe.Plan;
import dev.gauntlet.probe.ProbeReport;
import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxEngineException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Loads the candidate's service and the reference in alternating rounds. One probe per service
 * runs all of its rounds, so no round pays for a JVM starting beside it, and both follow one
 * {@link Timetable} on the host's clock while this class freezes whichever service is not being
 * loaded: its collector or compiler cannot slow the other's round, and a candidate that burns CPU
 * only while it is not being measured cannot slow the reference. Both services are pinned to the
 * same CPUs for the load, which they then take in turns: left to the scheduler, the same service
 * ran up to 10% faster or slower from one judging to the next.
 */
final class AlternatingLoad {
  /** Container and JVM start of both probes, which run at the same time, before the first round. */
  private static final long PROBE_START_MILLIS = 4_000;
  /**
   * For each service to answer its ready path again before the first round. A candidate's service
   * that takes longer and so misses its first round has itself to blame.
   */
  static final long READY_ALLOWANCE_MILLIS = 1_000;
  /**
   * One load at a time in this runner: two at once would share the pinned CPUs and slow each
   * other's rounds.
   */
  private static final ReentrantLock LOADING = new ReentrantLock(true);

  private final Sandbox sandbox;
  private final Probe probe;

  AlternatingLoad(Sandbox sandbox, Probe probe) {
    this.sandbox = sandbox;
    this.probe = probe;
  }

  /**
   * Both sides' rounds, in order.
   *
   * @param candidate     what the candidate's probe saw: no rounds when the service stopped answering
   * @param reference     what the reference's probe saw
   * @param candidateLate the candidate's service took so long to answer its ready path again that
   *                      its probe missed the start of a round: its own fault, charged by the judge
   */
  record Rounds(ProbeReport candidate, ProbeReport reference, boolean candidateLate) {
  }

  /**
   * Runs {@code rounds} rounds of the plan's load on each side.
   *
   * @param cpus the CPUs a service may use ({@code limits.cpus}), pinned for the load
   * @throws SandboxEngineException when the runner, or a probe through no fault of its service,
   *                                fell behind the timetable, and the rounds cannot be trusted
   */
  Rounds run(RunningSandbox candidate, RunningSandbox reference, Plan plan, int rounds, double cpus) {
    LOADING.lock();
    try {
      pin(candidate, reference, cpus);
      var timetable = Timetable.of(rounds, plan.load(), System.currentTimeMillis() + leadMillis(plan));
      try (var probes = Executors.newVirtualThreadPerTaskExecutor()) {
        var candidateProbe = CompletableFuture.supplyAsync(
            () -> probe.run(candidate, plan.withTurns(timetable.startsOf(true))), probes);
        var referenceProbe = CompletableFuture.supplyAsync(
            () -> probe.run(reference, plan.withTurns(timetable.startsOf(false))), probes);
        long behind = conduct(timetable, candidate, reference);
        ProbeReport candidateReport = joined(candidateProbe);
        ProbeReport referenceReport = joined(referenceProbe);
        // With no warm-up, a service thawed late would be measured while it wakes.
        long switchLimit = Math.min(Timetable.LATE_LIMIT_MILLIS, Math.round(plan.load().warmupSeconds() * 1000));
        if (behind > switchLimit) {
          throw new SandboxEngineException("the runner switched services " + behind + " ms after a round began"
              + " (is it overloaded?)", null);
        }
        checkOnTime("reference", referenceReport, false);
        boolean candidateLate = checkOnTime("candidate", candidateReport, true);
        return new Rounds(candidateReport, referenceReport, candidateLate);
      }
    } finally {
      LOADING.unlock();
    }
  }

  /**
   * A probe that began a round late is our failure, unless its service kept it waiting: only the
   * candidate's may be blamed, and its lateness is then left for the judge to charge.
   *
   * @return whether the side began a round late by its service's fault
   */
  private static boolean checkOnTime(String side, ProbeReport report, boolean serviceMayBeBlamed) {
    long late = report.rounds().stream().mapToLong(LoadOutcome::lateMillis).max().orElse(0);
    if (late <= Timetable.LATE_LIMIT_MILLIS) {
      return false;
    }
    if (serviceMayBeBlamed && report.readyMillis() > READY_ALLOWANCE_MILLIS) {
      return true;
    }
    throw new SandboxEngineException("the " + side + "'s probe began a load round " + late + " ms after its time"
        + " (is the runner overloaded?)", null);
  }

  /**
   * The host's last CPUs, as many as a service may use, for both services; a host with no more CPUs
   * than that has nothing to choose.
   */
  private void pin(RunningSandbox candidate, RunningSandbox reference, double cpus) {
    int host = sandbox.engineCpus();
    int wanted = (int) Math.ceil(cpus);
    if (host > wanted) {
      String set = wanted == 1 ? Integer.toString(host - 1) : (host - wanted) + "-" + (host - 1);
      candidate.pin(set);
      reference.pin(set);
    }
  }

  /** The probes start, wait for their service and run the load's setup before the first round. */
  private static long leadMillis(Plan plan) {
    return PROBE_START_MILLIS + READY_ALLOWANCE_MILLIS + plan.stepsMillis(plan.load().setup());
  }

  /**
   * Freezes the other service and thaws each round's own just before the round starts, and thaws
   * both at the end.
   *
   * @return how late the runner was with a switch, in the worst case
   */
  private static long conduct(Timetable timetable, RunningSandbox candidate, RunningSandbox reference) {
    RunningSandbox.Frozen candidateFrozen = null;
    RunningSandbox.Frozen referenceFrozen = null;
    long behind = 0;
    try {
      for (var turn : timetable.turns()) {
        sleepUntil(turn.startMillis() - Timetable.SWITCH_MILLIS);
        if (turn.candidate()) {
          referenceFrozen = referenceFrozen == null ? reference.freeze() : referenceFrozen;
          candidateFrozen = thawed(candidateFrozen);
        } else {
          candidateFrozen = candidateFrozen == null ? candidate.freeze() : candidateFrozen;
          referenceFrozen = thawed(referenceFrozen);
        }
        behind = Math.max(behind, System.currentTimeMillis() - turn.startMillis());
      }
      sleepUntil(timetable.endMillis());
    } finally {
      try {
        thawed(candidateFrozen);
      } finally {
        thawed(referenceFrozen);
      }
    }
    return behind;
  }

  private static RunningSandbox.Frozen thawed(RunningSandbox.Frozen frozen) {
    if (frozen != null) {
      frozen.close();
    }
    return null;
  }

  private static void sleepUntil(long millis) {
    long wait = millis - System.currentTimeMillis();
    if (wait <= 0) {
      return;
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxEngineException("interrupted during the load", e);
    }
  }

  private static ProbeReport joined(CompletableFuture<ProbeReport> probe) {
    try {
      return probe.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxEngineException("interrupted while the probes loaded", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new SandboxEngineException("a load probe failed", e.getCause());
    }
  }
}
