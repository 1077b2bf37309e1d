package dev.gauntlet.runner.distribution;

import dev.gauntlet.runner.challenge.ManifestReader;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.docker.SandboxPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A package an author hands over as a zip: the package's files at its top, or inside one top
 * folder. Nothing in it is trusted: entries are capped in number and unpacked size (counted as
 * they inflate, not as the zip claims), and links, special files, absolute paths and {@code ..}
 * are refused, naming the entry.
 */
public final class PackageZip {
  /** The largest zip taken, before unpacking; what it unpacks to is capped by {@link PackageArchive}. */
  public static final long MAX_ZIP_BYTES = 32L << 20;
  private static final int S_IFMT = 0170000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFDIR = 0040000;

  private PackageZip() {
  }

  /**
   * Unpacks into {@code directory}, which must be empty, as a folder named after the manifest's id,
   * and returns that folder.
   */
  public static Path unpack(byte[] zip, Path directory) {
    if (zip.length > MAX_ZIP_BYTES) {
      throw new PackageException("the zip has more than " + (MAX_ZIP_BYTES >> 20) + " MiB");
    }
    var files = new ArrayList<ZipArchiveEntry>();
    try (var archive = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      var names = new HashSet<String>();
      for (var entries = archive.getEntries(); entries.hasMoreElements(); ) {
        var entry = entries.nextElement();
        if (names.size() >= PackageArchive.MAX_ENTRIES) {
          throw new PackageException("the zip has more than " + PackageArchive.MAX_ENTRIES + " entries");
        }
        String name = checkedName(entry);
        if (!names.add(name)) {
          throw new PackageException(entry.getName() + ": the zip holds this entry twice");
        }
        if (!entry.isDirectory()) {
          files.add(entry);
        }
      }
      String root = root(files.stream().map(ZipArchiveEntry::getName).collect(Collectors.toSet()));
      // Not a valid id, so the rename at the end cannot collide with it.
      Path staging = Files.createDirectory(directory.resolve("_unpacking"));
      long total = 0;
      for (ZipArchiveEntry entry : files) {
        if (!archive.canReadEntryData(entry)) {
          throw new PackageException(entry.getName() + ": compressed in a way Gauntlet does not read; use deflate");
        }
        Path target = staging.resolve(entry.getName().substring(root.length()));
        Files.createDirectories(target.getParent());
        total += copyCapped(archive.getInputStream(entry), target, PackageArchive.MAX_BYTES - total, entry.getName());
      }
      return renameToId(staging);
    } catch (IOException e) {
      throw new PackageException("not a readable zip: " + e.getMessage(), e);
    }
  }

  private static String checkedName(ZipArchiveEntry entry) {
    String name = entry.getName();
    int type = entry.getUnixMode() & S_IFMT;
    if (entry.isUnixSymlink()) {
      throw new PackageException(name + ": links are not allowed in a package");
    }
    if (type != 0 && type != S_IFREG && type != S_IFDIR) {
      throw new PackageException(name + ": only files and folders may be in a package");
    }
    String path = entry.isDirectory() && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    if (!SandboxPaths.isPlainRelative(path)) {
      throw new PackageException(name + ": not a plain relative path (no '/' at the start, no '..', names of "
          + SandboxPaths.ALLOWED + ")");
    }
    return path;
  }

  /** "" when the manifest is at the top of the zip, else the one top folder's name and a slash. */
  private static String root(Set<String> fileNames) {
    if (fileNames.contains(ManifestReader.FILE)) {
      return "";
    }
    Set<String> tops = new HashSet<>();
    fileNames.forEach(name -> tops.add(name.split("/", 2)[0]));
    if (tops.size() == 1 && fileNames.contains(tops.iterator().next() + "/" + ManifestReader.FILE)) {
      return tops.iterator().next() + "/";
    }
    throw new PackageException("the zip has no " + ManifestReader.FILE + " at its top or inside one top folder");
  }

  private static long copyCapped(InputStream in, Path target, long allowed, String name) throws IOException {
    try (in) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, allowed + 1));
      if (content.length > allowed) {
        throw new PackageException(name + ": the package unpacks to more than " + (PackageArchive.MAX_BYTES >> 20)
            + " MiB");
      }
      Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return content.length;
    }
  }

  /** A package folder must be named after its id; a manifest that does not read is reported as it is. */
  private static Path renameToId(Path staging) {
    try {
      String yaml = Files.readString(staging.resolve(ManifestReader.FILE), StandardCharsets.UTF_8);
      return Files.move(staging, staging.resolveSibling(ManifestReader.read(yaml).id()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the zip into " + staging, e);
    }
  }
}
