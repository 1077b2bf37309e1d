package dev.gauntlet.harness.run;

import dev.gauntlet.harness.api.Workload;
import dev.gauntlet.harness.protocol.Plan;
import dev.gauntlet.harness.protocol.ProblemKind;
import dev.gauntlet.harness.protocol.Report;
import dev.gauntlet.harness.protocol.Signature;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The harness's entry point, run in the sandbox as {@code java -m dev.gauntlet.harness/...} with only
 * java.base, this module and the challenge's workload module observable: no {@code sun.misc.Unsafe},
 * no agents, no management.
 *
 * <p>The order matters. The run's key is read, its file deleted and the signer bound to it, the plan
 * read and deleted, and the harness confined ({@link Confinement}) before any class of the candidate
 * is loaded; from then on the key lives only in that signer, in this module, which opens nothing.
 * The report goes out signed in one write, and the JVM halts at once, so no shutdown hook of the
 * candidate's runs after.
 */
public final class HarnessMain {
  private HarnessMain() {
  }

  public static void main(String[] args) throws IOException {
    long started = System.nanoTime();
    Path keyFile = Path.of("key");
    byte[] key = Files.readAllBytes(keyFile);
    Files.delete(keyFile);
    Signature.Signer signer = Signature.signer(key);
    Arrays.fill(key, (byte) 0);
    // The seed would let a class draw the stress runs' calls ahead of them.
    Path planFile = Path.of(args[0]);
    Plan plan = Plan.parse(Files.readString(planFile));
    Files.delete(planFile);
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(plan.deadlineMs());
    Set<Long> before = Leftovers.snapshot();
    var report = new Report.Writer();
    try {
      run(plan, deadline, report, before);
    } catch (Failure failure) {
      report.problem(failure.kind(), failure.getMessage());
    }
    var out = new FileOutputStream(FileDescriptor.out);
    // A line the class left unfinished must not swallow the report's.
    out.write(("\n" + signer.line(report.end())).getBytes(StandardCharsets.UTF_8));
    out.flush();
    Runtime.getRuntime().halt(0);
  }

  private static void run(Plan plan, long deadline, Report.Writer report, Set<Long> threadsBefore)
      throws Failure, IOException {
    Workload<Object> workload = workload();
    Confinement.preload(HarnessMain.class, workload.getClass());
    ClassLoader loader = Confinement.loaderOf(Path.of("impl"));
    Confinement.withhold(loader);
    Class<?> implementation = implementation(plan.implementation(), workload.api(), loader);
    if (plan.trials() > 0) {
      new Trials(workload, implementation, plan).run(report, deadline, threadsBefore);
    }
    if (plan.timedRuns() > 0) {
      new StressRuns(workload, implementation, plan).run(report, deadline, threadsBefore);
    }
    if (plan.check() != null) {
      Report candidate = Report.parse(Files.readString(Path.of(plan.check())));
      HistoryCheck.run(workload, implementation, plan, candidate, report);
    }
  }

  /** The one workload the challenge's module provides. */
  @SuppressWarnings("unchecked")
  private static Workload<Object> workload() {
    var workloads = ServiceLoader.load(ModuleLayer.boot(), Workload.class).stream().toList();
    if (workloads.size() != 1) {
      throw new IllegalStateException("the challenge's module provides " + workloads.size() + " workloads, not one");
    }
    return workloads.get(0).get();
  }

  /** Loads and initialises the class under test: the first of its code to run. */
  private static Class<?> implementation(String name, Class<?> api, ClassLoader loader) throws Failure {
    Class<?> implementation;
    try {
      implementation = Class.forName(name, true, loader);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new Failure(ProblemKind.SETUP, "there is no class " + name + " (" + e.getMessage() + ")");
    } catch (ExceptionInInitializerError e) {
      throw new Failure(ProblemKind.THREW, "initialising " + name + " threw " + Workers.describe(e.getCause()));
    } catch (LinkageError e) {
      throw new Failure(ProblemKind.SETUP, name + " cannot be loaded: " + e);
    } catch (RuntimeException | Error e) {
      // An initialiser may throw an Error of its own, which the JVM passes on as it is.
      throw new Failure(ProblemKind.THREW, "initialising " + name + " threw " + Workers.describe(e));
    }
    if (!api.isAssignableFrom(implementation)) {
      throw new Failure(ProblemKind.SETUP, name + " does not implement " + api.getName());
    }
    return implementation;
  }
}
