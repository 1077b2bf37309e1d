package dev.gauntlet.runner.judge.concurrency;

import dev.gauntlet.harness.protocol.Plan;
import dev.gauntlet.harness.protocol.Report;
import dev.gauntlet.harness.protocol.Signature;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the harness on one class, the candidate's or the reference's, in a sandbox of its own.
 *
 * <p>The sandbox's image holds a runtime of java.base alone and no other Java library, so the class
 * can bind no native method the JDK's other modules implement. The JVM is started through
 * {@code java-sealed}, a copy of the launcher that its user may execute but not read, which leaves
 * the process undumpable: its memory cannot be read through {@code /proc}. Only java.base, the
 * harness and the workload module are observable. The key of the run travels as a
 * file the harness deletes before the class is loaded; the report is believed only when its signature
 * verifies with that key.
 */
final class HarnessSandbox {
  static final byte[] HARNESS_JAR = resource("/harness/sandbox-harness.jar");
  /**
   * The harness's JVM. Native access is the harness's alone, so the class cannot reach memory through
   * {@code java.lang.foreign}; finalizers are off, so none of its code runs outside a call; the
   * harness installs a security manager for the class, which JDK 21 allows only when asked to.
   */
  private static final List<String> JVM = List.of("java-sealed", "-XX:+UseSerialGC", "-Xmx16g", "-XX:-UsePerfData",
      "-XX:+DisableAttachMechanism", "--enable-native-access=dev.gauntlet.harness", "--finalization=disabled",
      "-Djava.security.manager=allow", "--limit-modules", "java.base,dev.gauntlet.harness," + BuiltChallenge.MODULE,
      "-p", "harness.jar:module", "-cp", "/opt/no-classes", "-m",
      "dev.gauntlet.harness/dev.gauntlet.harness.run.HarnessMain", "plan.properties");
  private static final String HISTORIES = "histories";
  /** The signed report: its trial histories, base64, with room left for what the class prints itself. */
  private static final int STDOUT_BYTES = 8 << 20;
  private static final int LOG_BYTES = 64 << 10;
  private static final SecureRandom KEYS = new SecureRandom();

  private final Sandbox sandbox;

  HarnessSandbox(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * How one run went.
   *
   * @param report what the harness reported; empty when no line of the output verifies
   * @param result the sandbox run, for when it ended without a report
   */
  record Outcome(Optional<Report> report, SandboxResult result) {
  }

  /**
   * @param histories the candidate's report body to check, in the reference's sandbox; null otherwise
   */
  Outcome run(BuiltChallenge challenge, Map<String, byte[]> classes, Plan plan, String histories, Limits limits) {
    byte[] key = new byte[32];
    KEYS.nextBytes(key);
    Plan sent = histories == null ? plan : plan.withCheck(HISTORIES);
    var files = new HashMap<String, byte[]>();
    files.put("run/harness.jar", HARNESS_JAR);
    challenge.module().forEach((path, bytes) -> files.put("run/module/" + path, bytes));
    classes.forEach((path, bytes) -> files.put("run/impl/" + path, bytes));
    files.put("run/plan.properties", sent.text().getBytes(StandardCharsets.UTF_8));
    files.put("run/key", key);
    if (histories != null) {
      files.put("run/" + HISTORIES, histories.getBytes(StandardCharsets.UTF_8));
    }
    long filesBytes = files.values().stream().mapToLong(b -> b.length).sum();
    var sandboxLimits = new SandboxLimits(limits.memoryMb() * (1L << 20), limits.cpus(), limits.pids(),
        Duration.ofMillis(Math.round(limits.wallSeconds() * 1000)), new StreamCap(STDOUT_BYTES, true),
        new StreamCap(LOG_BYTES, false), SandboxLimits.scratchMbFor(filesBytes));
    SandboxResult result = sandbox.run(new SandboxRequest(RuntimeImages.imageFor(RuntimeImages.JAVA_HARNESS), files,
        "run", JVM, Optional.empty(), false, sandboxLimits));
    Optional<Report> report = Signature.verifiedBody(key, new String(result.stdout(), StandardCharsets.UTF_8))
        .flatMap(HarnessSandbox::parsed);
    return new Outcome(report, result);
  }

  /** A signed body that is not a report is none: whatever made it, it does not count. */
  private static Optional<Report> parsed(String body) {
    try {
      return Optional.of(Report.parse(body));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = HarnessSandbox.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no " + name + " on the class path; the build copies it there");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
