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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-run overhead of a sandbox on the critical path, fresh container against warm pool: a trivial
 * program (a shell's `true`) run through the same Sandbox the judge uses, timed end to end from the
 * caller. The two paths alternate run by run, so both see the same machine. Run by ./run.
 */
public class SandboxOverhead {
  /** Between runs, as between a judge's test cases: time for the pool to start the next container. */
  private static final Duration PAUSE = Duration.ofMillis(250);

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    Path results = Path.of(args[1]);
    try (var docker = DockerClients.fromEnvironment();
         var fresh = new Sandbox(docker, 0);
         var warm = new Sandbox(docker, 2)) {
      new RuntimeImages(docker).ensureJudgingImages();
      var limits = new SandboxLimits(256L << 20, 1.0, 64, Duration.ofSeconds(10),
          new StreamCap(1 << 16, true), new StreamCap(1 << 16, false), 16);
      var request = new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
          Map.of("in", "x\n".getBytes(StandardCharsets.UTF_8)), "out", List.of("true"),
          Optional.of("in"), false, limits);
      for (int i = 0; i < 3; i++) {
        timed(fresh, request);
        timed(warm, request);
        Thread.sleep(PAUSE);
      }
      var freshMillis = new double[runs];
      var warmMillis = new double[runs];
      for (int i = 0; i < runs; i++) {
        freshMillis[i] = timed(fresh, request);
        Thread.sleep(PAUSE);
        warmMillis[i] = timed(warm, request);
        Thread.sleep(PAUSE);
      }
      Arrays.sort(freshMillis);
      Arrays.sort(warmMillis);
      String report = """
          # Sandbox overhead

          Measured %s on %d cores, Docker %s: %d runs of a trivial program (`true`) in a fully
          confined sandbox, timed from the caller, after 3 warm-up runs; the two paths alternate run
          by run with %d ms between runs.

          - fresh container: create, attach, start, wait, inspect, remove
          - warm pool: take a started container, attach, wait, inspect, remove (the pool creates and
            starts the next one in the background)

          | path | p50 | p95 | min | max |
          |---|---|---|---|---|
          %s
          %s

          Warm pool p50 / fresh p50: %.2f
          """.formatted(Instant.now().toString().substring(0, 10), Runtime.getRuntime().availableProcessors(),
          docker.versionCmd().exec().getVersion(), runs, PAUSE.toMillis(), row("fresh container", freshMillis),
          row("warm pool", warmMillis), percentile(warmMillis, 50) / percentile(freshMillis, 50));
      Files.writeString(results, report);
      System.out.print(report);
    }
  }

  private static double timed(Sandbox sandbox, SandboxRequest request) {
    long start = System.nanoTime();
    var result = sandbox.run(request);
    double millis = (System.nanoTime() - start) / 1e6;
    if (!result.succeeded()) {
      throw new IllegalStateException("a run failed: exit " + result.exitCode());
    }
    return millis;
  }

  private static String row(String path, double[] sorted) {
    return "| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms |".formatted(path, percentile(sorted, 50),
        percentile(sorted, 95), sorted[0], sorted[sorted.length - 1]);
  }

  private static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
