package dev.gauntlet.runner.judge.concurrency;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.ConcurrencySpec;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.judge.Build;
import dev.gauntlet.runner.judge.ReferenceFailure;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a concurrency package contributes to every judging, built once: the workload compiled into the
 * module {@value #MODULE} (with the API, and a {@code module-info} the judge writes), and the
 * reference's classes.
 *
 * @param module    the module's class files, by path
 * @param reference the reference's class files, by path
 */
record BuiltChallenge(Map<String, byte[]> module, Map<String, byte[]> reference) {
  static final String MODULE = "gauntlet.challenge";

  BuiltChallenge {
    module = Map.copyOf(module);
    reference = Map.copyOf(reference);
  }

  static BuiltChallenge of(Sandbox sandbox, ChallengePackage pkg) {
    ConcurrencySpec spec = pkg.manifest().concurrency();
    var sources = new HashMap<String, byte[]>();
    sources.put("harness.jar", HarnessSandbox.HARNESS_JAR);
    pkg.workload().forEach((path, text) -> sources.put("module/" + path, bytes(text)));
    api(pkg).forEach((path, text) -> sources.put("module/" + path, bytes(text)));
    // Only the interface's package is exported, and nothing is opened: the candidate's class may
    // call the workload's public methods, and cannot reach into it.
    sources.put("module/module-info.java", bytes("module " + MODULE + " {\n  requires dev.gauntlet.harness;\n"
        + "  exports " + spec.apiPackage() + ";\n  provides dev.gauntlet.harness.api.Workload with " + spec.workload()
        + ";\n}\n"));
    withApi(pkg, pkg.references().get(Language.JAVA)).forEach((path, text) -> sources.put("reference/" + path,
        bytes(text)));
    var command = List.of("sh", "-c", "set -e; " + Language.JAVAC + " --limit-modules java.base,dev.gauntlet.harness"
        + " --module-path /sandbox/src/harness.jar -d /sandbox/out/module $(find /sandbox/src/module -name '*.java'); "
        + classBuild("/sandbox/src/reference", "/sandbox/out/reference"));
    var build = Build.run(sandbox, RuntimeImages.imageFor(Language.JAVA), sources, command, pkg.manifest().limits());
    if (!build.succeeded()) {
      throw new ReferenceFailure("the package's workload or reference does not build: " + build.failure());
    }
    var module = new HashMap<String, byte[]>();
    var reference = new HashMap<String, byte[]>();
    build.out().forEach((path, bytes) -> {
      if (path.startsWith("module/")) {
        module.put(path.substring("module/".length()), bytes);
      } else if (path.startsWith("reference/")) {
        reference.put(path.substring("reference/".length()), bytes);
      }
    });
    return new BuiltChallenge(module, reference);
  }

  /**
   * Builds the sources under {@code from} into {@code to} against java.base alone, which is all a class
   * finds when it runs: what compiles, runs.
   */
  static String classBuild(String from, String to) {
    return Language.JAVAC + " --limit-modules java.base -d " + to + " $(find " + from + " -name '*.java')";
  }

  /** A submission's files with the package's API in place of any copy of it: nobody builds against another. */
  static Map<String, String> withApi(ChallengePackage pkg, Map<String, String> files) {
    var all = new HashMap<>(files);
    all.putAll(api(pkg));
    return all;
  }

  private static Map<String, String> api(ChallengePackage pkg) {
    return pkg.manifest().concurrency().apiFiles(pkg.starters().get(Language.JAVA));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
