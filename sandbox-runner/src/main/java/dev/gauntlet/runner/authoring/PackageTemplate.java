package dev.gauntlet.runner.authoring;

import dev.gauntlet.runner.challenge.JudgeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the skeleton of a new package: a small, complete challenge of the given kind that already
 * verifies, with comments where the author's own parts go. The files live on the class path under
 * {@code templates/<kind>/}, listed in its {@code files.txt}.
 */
public final class PackageTemplate {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private PackageTemplate() {
  }

  /** Creates {@code catalog/id/}; refuses to touch a folder that exists. */
  public static Path create(JudgeKind kind, String id, Path catalog) {
    if (!ID.matcher(id).matches() || id.length() > 64) {
      throw new IllegalArgumentException("id must be lower-case words joined by '-', like rate-limiter; was '" + id + "'");
    }
    Path target = catalog.resolve(id);
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " already exists");
    }
    String base = "/templates/" + kind.manifestName() + "/";
    try {
      for (String file : resource(base + "files.txt").lines().filter(l -> !l.isBlank()).toList()) {
        Path out = target.resolve(file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, resource(base + file).replace("{{id}}", id));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return target;
  }

  public static List<String> kinds() {
    return Arrays.stream(JudgeKind.values()).map(JudgeKind::manifestName).toList();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PackageTemplate.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("template file missing from the class path: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
