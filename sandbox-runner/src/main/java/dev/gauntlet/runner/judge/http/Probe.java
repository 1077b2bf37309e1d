package dev.gauntlet.runner.judge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.probe.Plan;
import dev.gauntlet.probe.ProbeJson;
import dev.gauntlet.probe.ProbeReport;
import dev.gauntlet.probe.Step;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxEngineException;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.judge.Logs;
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

/**
 * Runs the HTTP probe ({@code dev.gauntlet.probe}) in a sandbox that joins the network of a running
 * service: the two share a loopback and nothing else, so the probe reaches the service from outside
 * its container while neither can reach anything beyond. The probe is our code, but it talks to a
 * hostile service, so it gets the same confinement as candidate code.
 */
final class Probe {
  private static final List<String> JARS = List.of("http-probe.jar", "jackson-databind.jar", "jackson-core.jar",
      "jackson-annotations.jar");
  private static final Map<String, byte[]> JAR_FILES = loadJars();
  private static final ObjectMapper JSON = ProbeJson.mapper();
  private static final ProbeReport GONE = new ProbeReport(-1, List.of(), null);
  private static final long MEMORY_BYTES = 768L << 20;
  private static final int PIDS = 256;
  /** The report carries one number per request; 5000 requests a second for a minute fit. */
  private static final int REPORT_BYTES = 32 << 20;
  private static final int LOG_BYTES = 64 << 10;
  /** JVM start-up and the drain after the load, beyond what the plan itself may take. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private final Sandbox sandbox;

  Probe(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * Runs the plan against the service. A service that has ended answers nothing: the report then
   * says it was not ready. A probe that fails otherwise is our failure, and the judging is retried.
   */
  ProbeReport run(RunningSandbox service, Plan plan) {
    if (!service.isRunning()) {
      return GONE;
    }
    try {
      return runBeside(service, plan);
    } catch (SandboxEngineException e) {
      // Joining the network of a service that just exited fails in the engine; that is the service's doing.
      if (!service.isRunning()) {
        return GONE;
      }
      throw e;
    }
  }

  private ProbeReport runBeside(RunningSandbox service, Plan plan) {
    var files = new HashMap<>(JAR_FILES);
    try {
      files.put("probe/plan.json", JSON.writeValueAsBytes(plan));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan is plain data and always serialisable", e);
    }
    long filesBytes = files.values().stream().mapToLong(b -> b.length).sum();
    var limits = new SandboxLimits(MEMORY_BYTES, 1.0, PIDS, wall(plan), new StreamCap(REPORT_BYTES, true),
        new StreamCap(LOG_BYTES, false), SandboxLimits.scratchMbFor(filesBytes));
    var command = List.of("java", "-XX:+UseSerialGC", "-Xmx256m", "-XX:-UsePerfData",
        "-cp", String.join(":", JARS), "dev.gauntlet.probe.ProbeMain", "plan.json");
    SandboxResult result = sandbox.run(new SandboxRequest(RuntimeImages.imageFor(Language.JAVA), files, "probe",
        command, Optional.empty(), false, limits, Optional.of(service.id())));
    if (!result.succeeded()) {
      throw new SandboxEngineException("the HTTP probe failed (exit " + result.exitCode()
          + (result.timedOut() ? ", timed out" : "") + (result.oomKilled() ? ", out of memory" : "") + ")"
          + Logs.stderrTail(result.stderr()), null);
    }
    try {
      return JSON.readValue(result.stdout(), ProbeReport.class);
    } catch (IOException e) {
      throw new SandboxEngineException("the HTTP probe's report could not be read", e);
    }
  }

  private static Duration wall(Plan plan) {
    Duration wall = Duration.ofMillis(plan.readyMillis()).plus(MARGIN);
    var steps = new ArrayList<Step>();
    plan.scenarios().forEach(scenario -> steps.addAll(scenario.steps()));
    if (plan.load() != null) {
      steps.addAll(plan.load().setup());
      wall = wall.plus(Duration.ofMillis(Math.round(1000 * (plan.load().warmupSeconds() + plan.load().seconds()))))
          .plus(Duration.ofMillis(plan.load().timeoutMs()));
    }
    for (Step step : steps) {
      wall = wall.plus(Duration.ofMillis(plan.requestTimeoutMs() + step.waitMs()));
    }
    return wall;
  }

  private static Map<String, byte[]> loadJars() {
    var jars = new HashMap<String, byte[]>();
    for (String jar : JARS) {
      try (InputStream in = Probe.class.getResourceAsStream("/probe/" + jar)) {
        if (in == null) {
          throw new IllegalStateException("no /probe/" + jar + " on the class path; the build copies it there");
        }
        jars.put("probe/" + jar, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.copyOf(jars);
  }
}
