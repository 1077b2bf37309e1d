package dev.gauntlet.runner.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing scratch folders. Links inside are removed, never followed. */
public final class FileTrees {
  private FileTrees() {
  }

  /** Deletes a folder and everything in it; nothing happens when it is gone already. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
