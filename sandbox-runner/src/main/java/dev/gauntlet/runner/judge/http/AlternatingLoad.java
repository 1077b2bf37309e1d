package dev.gauntlet.runner.judge.http;

import dev.gauntlet.probe.Plan;
import dev.gauntlet.probe.ProbeReport;
import dev.gauntlet.probe.ProbeReport.LoadOutcome;
import dev.gauntlet.probe.Step;
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
 * same CPU for the load, which they then take in turns: on the machines this was measured on, a
 * service left to the scheduler moved between CPUs and ran up to 10% faster or slower from one
 * judging to the next, which the pinning took to about 3%.
 */
final class AlternatingLoad {
  /** Container and JVM start of both probes, which run at the same time, before the first round. */
  private static final long PROBE_START_MILLIS = 4_000;
  /** A round that began later than this was not the round the timetable promised: the judging is retried. */
  private static final long LATE_LIMIT_MILLIS = 50;
  /**
   * One load at a time in this runner: two at once would share the pinned CPU and slow each
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
   * @param candidate what the candidate's probe saw: no rounds when the service stopped answering
   * @param reference what the reference's probe saw
   */
  record Rounds(ProbeReport candidate, ProbeReport reference) {
  }

  /**
   * Runs {@code rounds} rounds of the plan's load on each side.
   *
   * @throws SandboxEngineException when the runner or a probe fell behind the timetable, and the
   *                                rounds cannot be trusted
   */
  Rounds run(RunningSandbox candidate, RunningSandbox reference, Plan plan, int rounds) {
    LOADING.lock();
    try {
      pin(candidate, reference);
      var timetable = Timetable.of(rounds, plan.load(), System.currentTimeMillis() + leadMillis(plan));
      try (var probes = Executors.newVirtualThreadPerTaskExecutor()) {
        var candidateProbe = CompletableFuture.supplyAsync(
            () -> probe.run(candidate, plan.withTurns(timetable.startsOf(true))), probes);
        var referenceProbe = CompletableFuture.supplyAsync(
            () -> probe.run(reference, plan.withTurns(timetable.startsOf(false))), probes);
        long behindMillis = conduct(timetable, candidate, reference);
        var loaded = new Rounds(joined(candidateProbe), joined(referenceProbe));
        long late = Math.max(behindMillis, Math.max(latest(loaded.candidate()), latest(loaded.reference())));
        if (late > LATE_LIMIT_MILLIS) {
          throw new SandboxEngineException("a load round began " + late + " ms after its time in the timetable"
              + " (the runner is overloaded?)", null);
        }
        return loaded;
      }
    } finally {
      LOADING.unlock();
    }
  }

  /** The last CPU of the host for both services; a host with one CPU has nothing to choose. */
  private void pin(RunningSandbox candidate, RunningSandbox reference) {
    int cpus = sandbox.engineCpus();
    if (cpus > 1) {
      String last = Integer.toString(cpus - 1);
      candidate.pin(last);
      reference.pin(last);
    }
  }

  /** The probes start, wait for their service and run the load's setup before the first round. */
  private static long leadMillis(Plan plan) {
    long lead = PROBE_START_MILLIS;
    for (Step step : plan.load().setup()) {
      lead += plan.requestTimeoutMs() + step.waitMs();
    }
    return lead;
  }

  /**
   * Thaws each round's service and freezes the other one just before the round starts, and thaws
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
      thawed(candidateFrozen);
      thawed(referenceFrozen);
    }
    return behind;
  }

  private static RunningSandbox.Frozen thawed(RunningSandbox.Frozen frozen) {
    if (frozen != null) {
      frozen.close();
    }
    return null;
  }

  private static long latest(ProbeReport report) {
    return report.rounds().stream().mapToLong(LoadOutcome::lateMillis).max().orElse(0);
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
