package dev.gauntlet.harness.api;

/**
 * One call on the implementation in a linearizability trial.
 *
 * @param label  how the call reads in a history shown to the candidate, such as {@code transfer(2, 5, 40)}
 * @param action the call itself; what it returns is compared, as text, with what the reference returns
 * @param <T>    the interface under test
 */
public record Call<T>(String label, Action<T> action) {
  /** A call on the implementation. */
  @FunctionalInterface
  public interface Action<T> {
    Object apply(T target) throws Exception;
  }
}
