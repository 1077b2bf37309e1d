package dev.gauntlet.runner.judge;

import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxOutputException;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.SandboxResult;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Building a submission in a sandbox of its own, the first step of every judge kind: sources go in
 * under {@code src/}, what runs comes back from {@code out/}.
 *
 * @param out     the built files, to run from {@code out/}; empty when the build failed
 * @param failure why the build failed, as the candidate may read it; null when it succeeded
 */
public record Build(Map<String, byte[]> out, String failure) {
  /** Compilers need more than the programs they build; a build gets at least this much. */
  private static final int BUILD_MEMORY_MB = 1024;
  private static final int BUILD_PIDS = 256;
  private static final int BUILD_OUTPUT_BYTES = 64 << 20;
  private static final int BUILD_SCRATCH_MB = 256;
  private static final int LOG_BYTES = 64 << 10;

  public Build {
    out = Map.copyOf(out);
  }

  public boolean succeeded() {
    return failure == null;
  }

  public static Build of(Sandbox sandbox, Submission submission, Limits limits) {
    var files = new HashMap<String, byte[]>();
    submission.files().forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return run(sandbox, RuntimeImages.imageFor(submission.language()), files, submission.language().buildCommand(),
        limits);
  }

  /** Runs {@code command} on {@code sources}, put under {@code src/}, in a build sandbox of {@code image}. */
  public static Build run(Sandbox sandbox, String image, Map<String, byte[]> sources, List<String> command,
                          Limits limits) {
    SandboxResult build;
    try {
      build = sandbox.run(request(image, sources, command, limits));
    } catch (SandboxOutputException e) {
      return new Build(Map.of(), "the build left files that cannot be taken out of the sandbox: " + e.getMessage());
    }
    return build.succeeded() ? new Build(build.out(), null) : new Build(Map.of(), log(build));
  }

  private static SandboxRequest request(String image, Map<String, byte[]> sources, List<String> command,
                                        Limits limits) {
    var files = new HashMap<String, byte[]>();
    sources.forEach((path, bytes) -> files.put("src/" + path, bytes));
    var buildLimits = new SandboxLimits(Math.max(limits.memoryMb(), BUILD_MEMORY_MB) * (1L << 20),
        Math.max(limits.cpus(), 1.0), Math.max(limits.pids(), BUILD_PIDS), Duration.ofSeconds(limits.buildSeconds()),
        new StreamCap(BUILD_OUTPUT_BYTES, true), new StreamCap(LOG_BYTES, false), BUILD_SCRATCH_MB);
    return new SandboxRequest(image, files, "src", command, Optional.empty(), true, buildLimits);
  }

  private static String log(SandboxResult build) {
    if (build.timedOut()) {
      return "the build ran out of time";
    }
    if (build.oomKilled()) {
      return "the build ran out of memory";
    }
    if (build.outputExceeded()) {
      return "the build produced more than " + (BUILD_OUTPUT_BYTES >> 20) + " MiB";
    }
    // Compilers name files by their path in the sandbox; the candidate knows them by their own.
    return Logs.shorten(new String(build.stderr(), StandardCharsets.UTF_8).replace("/sandbox/src/", "")
        .replace("/sandbox/out/", ""));
  }
}
