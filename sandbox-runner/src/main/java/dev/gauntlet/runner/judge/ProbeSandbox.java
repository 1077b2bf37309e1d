package dev.gauntlet.runner.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.probe.ProbeJson;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxEngineException;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.language.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs one of our probes (the {@code sandbox-probe} module) in a sandbox that joins the network of a
 * running one: the two share a loopback and nothing else, so the probe reaches the candidate's
 * service or database from outside its container while neither can reach anything beyond. The
 * probe is our code, but it talks to hostile code, so it gets the same confinement.
 */
public final class ProbeSandbox {
  private static final List<String> COMMON_JARS = List.of("sandbox-probe.jar", "jackson-databind.jar",
      "jackson-core.jar", "jackson-annotations.jar");
  private static final Map<String, byte[]> JAR_FILES = loadJars();
  private static final ObjectMapper JSON = ProbeJson.mapper();
  private static final long MEMORY_BYTES = 768L << 20;
  private static final int PIDS = 256;
  /** The HTTP report carries one number per request; 5000 requests a second for a minute fit. */
  private static final int REPORT_BYTES = 32 << 20;
  private static final int LOG_BYTES = 64 << 10;

  private final Sandbox sandbox;

  public ProbeSandbox(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** One of our probes: its main class and the jars it needs beyond the common ones. */
  public record Program(String mainClass, List<String> extraJars) {
    public static final Program HTTP = new Program("dev.gauntlet.probe.ProbeMain", List.of());
    public static final Program SQL = new Program("dev.gauntlet.probe.sql.SqlProbeMain", List.of("postgresql.jar"));

    List<String> jars() {
      var jars = new ArrayList<>(COMMON_JARS);
      jars.addAll(extraJars);
      return jars;
    }
  }

  /**
   * Runs the probe on the plan beside {@code target} and reads its report. Empty when
   * the target had ended, or ended while the probe joined it: that is the target's doing. A probe
   * that fails otherwise is our failure ({@link SandboxEngineException}), and the judging is retried.
   */
  public <R> Optional<R> run(RunningSandbox target, Program program, Object plan, Duration wall, Class<R> report) {
    if (!target.isRunning()) {
      return Optional.empty();
    }
    try {
      return Optional.of(runBeside(target, program, plan, wall, report));
    } catch (SandboxEngineException e) {
      // Joining the network of a sandbox that just exited fails in the engine.
      if (!target.isRunning()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private <R> R runBeside(RunningSandbox target, Program program, Object plan, Duration wall, Class<R> report) {
    // Only the jars this probe needs travel: the HTTP probe runs many times in one judging.
    var files = new HashMap<String, byte[]>();
    program.jars().forEach(jar -> files.put("probe/" + jar, JAR_FILES.get(jar)));
    try {
      files.put("probe/plan.json", JSON.writeValueAsBytes(plan));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan is plain data and always serialisable", e);
    }
    long filesBytes = files.values().stream().mapToLong(b -> b.length).sum();
    var limits = new SandboxLimits(MEMORY_BYTES, 1.0, PIDS, wall, new StreamCap(REPORT_BYTES, true),
        new StreamCap(LOG_BYTES, false), SandboxLimits.scratchMbFor(filesBytes));
    var command = List.of("java", "-XX:+UseSerialGC", "-Xmx256m", "-XX:-UsePerfData",
        "-cp", String.join(":", program.jars()), program.mainClass(), "plan.json");
    SandboxResult result = sandbox.run(new SandboxRequest(RuntimeImages.imageFor(Language.JAVA), files, "probe",
        command, Optional.empty(), false, limits, Optional.of(target.id())));
    if (!result.succeeded()) {
      throw new SandboxEngineException("the probe " + program.mainClass() + " failed (exit " + result.exitCode()
          + (result.timedOut() ? ", timed out" : "") + (result.oomKilled() ? ", out of memory" : "") + ")"
          + Logs.stderrTail(result.stderr()), null);
    }
    try {
      return JSON.readValue(result.stdout(), report);
    } catch (IOException e) {
      throw new SandboxEngineException("the report of the probe " + program.mainClass() + " could not be read", e);
    }
  }

  /** Every probe's jars, by name, read once. */
  private static Map<String, byte[]> loadJars() {
    var jars = new HashMap<String, byte[]>();
    for (String jar : Stream.of(Program.HTTP, Program.SQL).flatMap(p -> p.jars().stream()).distinct().toList()) {
      try (InputStream in = ProbeSandbox.class.getResourceAsStream("/probe/" + jar)) {
        if (in == null) {
          throw new IllegalStateException("no /probe/" + jar + " on the class path; the build copies it there");
        }
        jars.put(jar, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(jars);
  }
}
