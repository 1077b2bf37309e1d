import dev.gauntlet.runner.docker.DockerClients;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-run overhead of a fresh sandbox on the critical path: a trivial program (a shell's `true`)
 * run through the same Sandbox the judge uses, timed end to end from the caller. Run by ./run.
 */
public class SandboxOverhead {
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Path results = Path.of(args[1]);
    try (var docker = DockerClients.fromEnvironment()) {
      new RuntimeImages(docker).ensureAll();
      var sandbox = new Sandbox(docker);
      var limits = new SandboxLimits(256L << 20, 1.0, 64, Duration.ofSeconds(10),
          new StreamCap(1 << 16, true), new StreamCap(1 << 16, false), 16);
      var request = new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
          Map.of("in", "x\n".getBytes(StandardCharsets.UTF_8)), "out", List.of("true"),
          Optional.of("in"), false, limits);
      for (int i = 0; i < 3; i++) {
        sandbox.run(request);
      }
      var millis = new ArrayList<Double>();
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        var result = sandbox.run(request);
        millis.add((System.nanoTime() - start) / 1e6);
        if (!result.succeeded()) {
          throw new IllegalStateException("run " + i + " failed: exit " + result.exitCode());
        }
      }
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      String report = """
          # Sandbox overhead

          Measured %s on %d cores, Docker %s: %d runs of a trivial program (`true`) in a fresh,
          fully confined sandbox (create, attach, start, wait, inspect, remove), timed from the
          caller, after 3 warm-up runs.

          | path | p50 | p95 | min | max |
          |---|---|---|---|---|
          | fresh container | %.0f ms | %.0f ms | %.0f ms | %.0f ms |
          """.formatted(Instant.now().toString().substring(0, 10), Runtime.getRuntime().availableProcessors(),
          docker.versionCmd().exec().getVersion(), runs, percentile(sorted, 50), percentile(sorted, 95),
          sorted[0], sorted[sorted.length - 1]);
      Files.writeString(results, report);
      System.out.print(report);
    }
  }

  private static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
