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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Packages by content hash: loaded from a cache folder, else fetched from their source (the
 * cluster for a runner, so that a runner on another machine needs no checkout of the catalog; the
 * database for a platform), checked against the hash, unpacked and loaded. Blocking: call it from
 * a worker thread.
 */
public final class PackageCache {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final ArchiveSource source;
  private final Path folder;
  private final Map<String, ChallengePackage> loaded = new ConcurrentHashMap<>();

  public PackageCache(ArchiveSource source, Path folder) {
    this.source = source;
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
        var archive = source.fetch(hash).orElseThrow(() -> new PackageException("package " + hash
            + " is not to be found; its version may have been deleted"));
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
          FileTrees.delete(partial);
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
}
