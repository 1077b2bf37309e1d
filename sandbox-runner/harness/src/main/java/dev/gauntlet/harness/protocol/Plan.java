package dev.gauntlet.harness.protocol;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What one harness run does, written by the judge as {@code plan.properties}. The harness first runs
 * the linearizability trials, then the stress runs (a warm-up and the timed ones), then, in the
 * reference's sandbox only, checks the candidate's histories.
 *
 * @param implementation the class under test, in the unnamed module
 * @param seed           where every trial's calls and every stress thread's random source come from
 * @param trials         linearizability trials; 0 for none
 * @param trialThreads   threads of one trial
 * @param trialCalls     calls of each thread in one trial
 * @param threads        threads of a stress run
 * @param operations     calls of each thread in a stress run
 * @param timedRuns      timed stress runs after one untimed warm-up; 0 for no stress run at all
 * @param deadlineMs     from the start of the harness: whatever has not returned by then is stuck
 * @param check          the file holding the histories to check against {@code implementation}, or null
 */
public record Plan(String implementation, long seed, int trials, int trialThreads, int trialCalls, int threads,
                   int operations, int timedRuns, long deadlineMs, String check) {
  public Plan {
    if (implementation == null || implementation.isBlank()) {
      throw new IllegalArgumentException("a plan names the class under test");
    }
    if (trials < 0 || trialThreads < 1 || trialCalls < 1 || threads < 1 || operations < 0 || timedRuns < 0
        || deadlineMs < 1) {
      throw new IllegalArgumentException("a plan's counts are not negative, and it has threads, calls and a deadline");
    }
  }

  public Plan withCheck(String file) {
    return new Plan(implementation, seed, trials, trialThreads, trialCalls, threads, operations, timedRuns, deadlineMs,
        file);
  }

  public String text() {
    var properties = new Properties();
    properties.setProperty("implementation", implementation);
    properties.setProperty("seed", Long.toString(seed));
    properties.setProperty("trials", Integer.toString(trials));
    properties.setProperty("trialThreads", Integer.toString(trialThreads));
    properties.setProperty("trialCalls", Integer.toString(trialCalls));
    properties.setProperty("threads", Integer.toString(threads));
    properties.setProperty("operations", Integer.toString(operations));
    properties.setProperty("timedRuns", Integer.toString(timedRuns));
    properties.setProperty("deadlineMs", Long.toString(deadlineMs));
    if (check != null) {
      properties.setProperty("check", check);
    }
    var out = new StringWriter();
    try {
      properties.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static Plan parse(String text) {
    var properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Plan(properties.getProperty("implementation"), Long.parseLong(properties.getProperty("seed")),
        number(properties, "trials"), number(properties, "trialThreads"), number(properties, "trialCalls"),
        number(properties, "threads"), number(properties, "operations"), number(properties, "timedRuns"),
        Long.parseLong(properties.getProperty("deadlineMs")), properties.getProperty("check"));
  }

  private static int number(Properties properties, String key) {
    return Integer.parseInt(properties.getProperty(key));
  }
}
