package dev.gauntlet.harness.api;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a concurrency package's hidden tests supply: how to make the candidate's class, the calls of a
 * linearizability trial, and the load of a stress run with what must hold after it. The judge compiles
 * it into a module of its own that exports only the API's package; its classes are loaded before the
 * candidate's, which run without any permission. Treat its code as public all the same (its class
 * files sit in the sandbox), and keep what must not be guessed in values drawn per run.
 *
 * <p>Everything a workload draws must come from the random source it is handed: the checker draws the
 * same calls again, from the same seed, to replay them on the reference.
 *
 * @param <T> the interface candidates implement
 */
public interface Workload<T> {
  /** The interface candidates implement. */
  Class<T> api();

  /**
   * A new instance of {@code implementation}, made as the statement says (its constructor's
   * arguments), for a linearizability trial or its replay on the reference: these run many times
   * over, so whatever the instance depends on should answer at once.
   */
  T create(Class<? extends T> implementation) throws ReflectiveOperationException;

  /**
   * A new instance for a stress run, where what it depends on may take the time it takes in real life
   * (a call to another system): the stress run that follows, and its {@link #verify}, use this one.
   */
  default T createForStress(Class<? extends T> implementation) throws ReflectiveOperationException {
    return create(implementation);
  }

  /** The next call of one thread in a linearizability trial. */
  Call<T> call(SplittableRandom random);

  /**
   * One thread's share of a stress run: {@code operations} calls on {@code target}, all threads at once.
   * What it returns (a tally of what this thread did) is handed to {@link #verify}.
   */
  Object stress(T target, int thread, SplittableRandom random, int operations) throws Exception;

  /**
   * What must hold after a stress run, given each thread's tally in thread order: null when it holds,
   * else what went wrong, as the candidate reads it.
   */
  String verify(T target, List<Object> tallies) throws Exception;
}
