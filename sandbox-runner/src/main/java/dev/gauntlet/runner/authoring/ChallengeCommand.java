package dev.gauntlet.runner.authoring;

import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.distribution.FileTrees;
import dev.gauntlet.runner.distribution.PackageZip;
import dev.gauntlet.runner.docker.DockerClients;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.judge.JudgeByKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./gauntlet challenge new <kind> <id>} and {@code ./gauntlet challenge verify <dir or zip>...}.
 * Exit status: 0 when done, 1 when a package does not verify, 2 on a usage error.
 */
public final class ChallengeCommand {
  private static final String USAGE = """
      usage: ./gauntlet challenge new <kind> <id> [--in <catalog folder>]   (kinds: %s)
             ./gauntlet challenge verify <package folder or .zip>...""";

  private ChallengeCommand() {
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.size() >= 3 && args.getFirst().equals("new")) {
      return create(args, out, err);
    }
    if (args.size() >= 2 && args.getFirst().equals("verify")) {
      return verify(args.subList(1, args.size()), out, err);
    }
    err.println(USAGE.formatted(PackageTemplate.kinds()));
    return 2;
  }

  private static int create(List<String> args, PrintStream out, PrintStream err) {
    var kind = Arrays.stream(JudgeKind.values()).filter(k -> k.manifestName().equals(args.get(1))).findFirst();
    if (kind.isEmpty()) {
      err.println("gauntlet: unknown kind '" + args.get(1) + "'; kinds: " + PackageTemplate.kinds());
      return 2;
    }
    Path catalog = Path.of("challenges");
    if (args.size() == 5 && args.get(3).equals("--in")) {
      catalog = Path.of(args.get(4));
    } else if (args.size() != 3) {
      err.println(USAGE.formatted(PackageTemplate.kinds()));
      return 2;
    }
    try {
      Path created = PackageTemplate.create(kind.get(), args.get(2), catalog);
      out.println("created " + created + "; check it with: ./gauntlet challenge verify " + created);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("gauntlet: " + e.getMessage());
      return 2;
    }
  }

  private static int verify(List<String> packages, PrintStream out, PrintStream err) throws Exception {
    for (String given : packages) {
      Path path = Path.of(given);
      if (!Files.isDirectory(path) && !(isZip(path) && Files.isRegularFile(path))) {
        err.println("gauntlet: " + given + " is neither a package folder nor a .zip file");
        return 2;
      }
    }
    Path scratch = Files.createTempDirectory("gauntlet-verify-");
    try (var docker = DockerClients.fromEnvironment(); var sandbox = new Sandbox(docker)) {
      new RuntimeImages(docker).ensureJudgingImages();
      var verifier = new PackageVerifier(new JudgeByKind(sandbox));
      boolean allPassed = true;
      for (String given : packages) {
        var report = verify(verifier, Path.of(given), scratch);
        out.println(report.render());
        allPassed &= report.passed();
      }
      return allPassed ? 0 : 1;
    } finally {
      FileTrees.delete(scratch);
    }
  }

  /** A zip is checked and unpacked first, the way the upload endpoint does it; one that does not unpack fails. */
  private static VerificationReport verify(PackageVerifier verifier, Path given, Path scratch) throws IOException {
    if (!isZip(given)) {
      return verifier.verify(given.toAbsolutePath().normalize());
    }
    if (Files.size(given) > PackageZip.MAX_ZIP_BYTES) {
      return VerificationReport.failed(given.getFileName().toString(), "the zip has more than "
          + (PackageZip.MAX_ZIP_BYTES >> 20) + " MiB");
    }
    try {
      return verifier.verify(PackageZip.unpack(Files.readAllBytes(given), Files.createTempDirectory(scratch, "zip-")));
    } catch (PackageException e) {
      return VerificationReport.failed(given.getFileName().toString(), e.getMessage());
    }
  }

  private static boolean isZip(Path path) {
    return path.getFileName() != null && path.getFileName().toString().endsWith(".zip");
  }
}
