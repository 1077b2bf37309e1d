package dev.gauntlet.runner.distribution;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.challenge.PackageLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A runner's packages, by content hash: loaded from its cache folder, else fetched from the
 * cluster, checked against the hash, unpacked and loaded. A runner on another machine needs no
 * checkout of the catalog. Blocking: call it from a worker thread.
 */
public final class PackageCache {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final PackageStore store;
  private final Path folder;
  private final Map<String, ChallengePackage> loaded = new ConcurrentHashMap<>();

  public PackageCache(PackageStore store, Path folder) {
    this.store = store;
    this.folder = folder;
  }

  public ChallengePackage get(String hash) {
    if (!HASH.matcher(hash).matches()) {
      throw new PackageException("not a package hash: " + hash);
    }
    return loaded.computeIfAbsent(hash, this::load);
  }

  private ChallengePackage load(String hash) {
    Path unpacked = folder.resolve(hash);
    try {
      if (!Files.isDirectory(unpacked)) {
        var archive = store.fetch(hash).orElseThrow(() -> new PackageException("package " + hash
            + " is not in the cluster; no platform serves it any more"));
        // Unpacked beside its final place and moved in one step: a runner that dies half-way leaves no half package.
        Path partial = Files.createTempDirectory(Files.createDirectories(folder), hash + ".partial-");
        archive.unpackInto(partial);
        try {
          Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
          if (!Files.isDirectory(unpacked)) {
            throw e;
          }
          // Another runner sharing this folder cached the same package first; its copy is the same bytes.
          deleteTree(partial);
        }
      }
      try (var entries = Files.list(unpacked)) {
        Path pkg = entries.findFirst().orElseThrow(() -> new PackageException("package " + hash + ": empty"));
        return PackageLoader.load(pkg);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cache package " + hash + " in " + folder, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
