package dev.gauntlet.runner.docker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The only way files cross the sandbox boundary: tar streams built in memory going in, and
 * read back with byte and entry caps, refusing links, coming out.
 */
public final class TarArchives {
  private static final int SANDBOX_UID = 10001;
  /**
   * GNU tar reads a pipe in whole records of 20 blocks; padding to a full record lets it see the
   * end of the archive without waiting for an end of stream that the engine never passes on.
   */
  private static final int RECORD_BYTES = 20 * 512;
  private static final Set<Byte> REGULAR = Set.of(TarConstants.LF_NORMAL, TarConstants.LF_OLDNORM);

  private TarArchives() {
  }

  /**
   * A tar of regular files (path relative to the archive root → content), owned by the sandbox user.
   * Entries are sorted by path, so the same files always give the same bytes.
   */
  public static byte[] write(Map<String, byte[]> files) {
    var bytes = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(bytes, RECORD_BYTES)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var file : new TreeMap<>(files).entrySet()) {
        var entry = new TarArchiveEntry(SandboxPaths.requireRelative(file.getKey()));
        entry.setSize(file.getValue().length);
        entry.setMode(0640);
        entry.setIds(SANDBOX_UID, SANDBOX_UID);
        // A fixed time makes the same files the same bytes, which content hashes rely on.
        entry.setModTime(FileTime.fromMillis(0));
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not build a tar in memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads regular files from a tar that came out of a sandbox. Directories are skipped; links,
   * devices and paths that climb out of the root are refused, never resolved.
   */
  public static Map<String, byte[]> read(byte[] tarBytes, int maxEntries, long maxTotalBytes) {
    var files = new LinkedHashMap<String, byte[]>();
    long total = 0;
    int entries = 0;
    try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(tarBytes))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (++entries > maxEntries) {
          throw new SandboxOutputException("more than " + maxEntries + " entries in sandbox output");
        }
        if (entry.isDirectory()) {
          continue;
        }
        // Only plain files: isFile() alone also answers true for FIFOs and device nodes.
        if (!REGULAR.contains(entry.getLinkFlag())) {
          throw new SandboxOutputException("sandbox output holds a link or special file: " + entry.getName());
        }
        total += entry.getSize();
        if (total > maxTotalBytes) {
          throw new SandboxOutputException("sandbox output exceeds " + maxTotalBytes + " bytes");
        }
        files.put(SandboxPaths.requireRelative(entry.getName()), readExactly(tar, entry.getSize()));
      }
    } catch (IOException e) {
      throw new SandboxOutputException("sandbox output is not a readable tar: " + e.getMessage());
    }
    return files;
  }

  private static byte[] readExactly(InputStream in, long size) throws IOException {
    byte[] content = in.readNBytes((int) size);
    if (content.length != size) {
      throw new IOException("entry truncated");
    }
    return content;
  }
}
