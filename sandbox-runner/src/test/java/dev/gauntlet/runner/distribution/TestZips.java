package dev.gauntlet.runner.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zips as authors' tools make them, and as attackers do: with any entry name, and with links. */
public final class TestZips {
  private static final int SYMLINK = 0120777;

  private TestZips() {
  }

  /** A zip of these entries, in this order, each a file; names are taken as they are, {@code ..} included. */
  public static byte[] of(Map<String, byte[]> entries) throws IOException {
    return build(entries, Map.of());
  }

  /** A zip of these files plus symbolic links, by name, to the targets given. */
  public static byte[] withLinks(Map<String, byte[]> files, Map<String, String> links) throws IOException {
    return build(files, links);
  }

  public static byte[] text(String content) {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] build(Map<String, byte[]> files, Map<String, String> links) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipArchiveOutputStream(out)) {
      for (var file : files.entrySet()) {
        add(zip, new ZipArchiveEntry(file.getKey()), file.getValue());
      }
      for (var link : links.entrySet()) {
        var entry = new ZipArchiveEntry(link.getKey());
        entry.setUnixMode(SYMLINK);
        add(zip, entry, text(link.getValue()));
      }
    }
    return out.toByteArray();
  }

  static void add(ZipArchiveOutputStream zip, ZipArchiveEntry entry, byte[] content) throws IOException {
    zip.putArchiveEntry(entry);
    zip.write(content);
    zip.closeArchiveEntry();
  }
}
