package dev.gauntlet.runner.distribution;

import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.docker.SandboxOutputException;
import dev.gauntlet.runner.docker.SandboxPaths;
import dev.gauntlet.runner.docker.TarArchives;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A challenge package as one tar, named by the SHA-256 of its bytes: what travels through the
 * cluster to runners. The tar holds the package folder itself ({@code <id>/challenge.yaml}, ...),
 * regular files only, in a fixed order, so the same content always has the same hash.
 */
public record PackageArchive(String hash, byte[] bytes) {
  static final long MAX_BYTES = 64L << 20;
  static final int MAX_ENTRIES = 10_000;

  /** Archives a package folder; links, odd file names and oversized packages are refused, naming the file. */
  public static PackageArchive of(Path folder) {
    var files = new HashMap<String, byte[]>();
    String id = folder.getFileName().toString();
    long total = 0;
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        String relative = folder.relativize(path).toString();
        if (Files.isSymbolicLink(path)) {
          throw new PackageException(relative + ": links are not allowed in a package");
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          if (!SandboxPaths.isPlainRelative(id + "/" + relative)) {
            throw new PackageException(relative + ": a file name may hold only " + SandboxPaths.ALLOWED);
          }
          total += Files.size(path);
          if (total > MAX_BYTES || files.size() >= MAX_ENTRIES) {
            throw new PackageException("the package is larger than " + (MAX_BYTES >> 20) + " MiB or "
                + MAX_ENTRIES + " files");
          }
          files.put(id + "/" + relative, Files.readAllBytes(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the package at " + folder, e);
    }
    byte[] tar = TarArchives.write(files);
    return new PackageArchive(sha256(tar), tar);
  }

  /**
   * Checks the bytes against the hash, then writes the package folder under {@code directory}
   * and returns it. Entries are capped in number and size; links and paths that climb out are refused.
   */
  public Path unpackInto(Path directory) {
    Map<String, byte[]> files = entries();
    String root = null;
    try {
      for (var file : files.entrySet()) {
        String path = SandboxPaths.requireRelative(file.getKey());
        String top = path.substring(0, Math.max(0, path.indexOf('/')));
        if (top.isEmpty() || (root != null && !root.equals(top))) {
          throw new PackageException("package " + hash + ": every file must be inside one package folder");
        }
        root = top;
        Path target = directory.resolve(path);
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack package " + hash + " into " + directory, e);
    }
    if (root == null) {
      throw new PackageException("package " + hash + ": empty");
    }
    return directory.resolve(root);
  }

  /** The package's files by their path inside the package folder, sorted; checked as {@link #unpackInto} checks them. */
  public SortedMap<String, byte[]> files() {
    var files = new TreeMap<String, byte[]>();
    entries().forEach((path, content) -> files.put(SandboxPaths.requireRelative(path).split("/", 2)[1], content));
    return files;
  }

  private Map<String, byte[]> entries() {
    if (!sha256(bytes).equals(hash)) {
      throw new PackageException("package " + hash + ": the bytes do not match their hash");
    }
    try {
      return TarArchives.read(bytes, MAX_ENTRIES, MAX_BYTES);
    } catch (SandboxOutputException e) {
      throw new PackageException("package " + hash + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
