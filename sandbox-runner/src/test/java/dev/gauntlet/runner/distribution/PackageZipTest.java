package dev.gauntlet.runner.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.runner.authoring.PackageTemplate;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.challenge.PackageLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Unpacking a package zip")
class PackageZipTest {
  private static final String MANIFEST = "format: gauntlet/1\nid: sum\n";

  @TempDir
  Path scratch;

  @Test
  @DisplayName("a package zipped inside its folder, or from inside it, unpacks to a folder named after its id")
  void unpacks() throws IOException {
    Path made = PackageTemplate.create(JudgeKind.STDIO, "sum", Files.createDirectory(scratch.resolve("made")));
    var files = filesOf(made);

    var inFolder = new LinkedHashMap<String, byte[]>();
    files.forEach((path, bytes) -> inFolder.put("renamed-by-zip/" + path, bytes));
    Path fromFolder = PackageZip.unpack(TestZips.of(inFolder), Files.createDirectory(scratch.resolve("a")));
    Path fromTop = PackageZip.unpack(TestZips.of(files), Files.createDirectory(scratch.resolve("b")));

    assertThat(fromFolder.getFileName()).hasToString("sum");
    assertThat(filesOf(fromFolder)).containsOnlyKeys(files.keySet());
    assertThat(PackageLoader.load(fromFolder).id()).isEqualTo("sum");
    assertThat(PackageArchive.of(fromTop).hash()).isEqualTo(PackageArchive.of(made).hash());
  }

  @Test
  @DisplayName("refuses entries that climb out, absolute paths and links, naming the entry")
  void refusesEscapes() {
    assertThatThrownBy(() -> unpack(Map.of("challenge.yaml", MANIFEST, "../outside.txt", "x")))
        .isInstanceOf(PackageException.class).hasMessageStartingWith("../outside.txt: not a plain relative path");
    assertThatThrownBy(() -> unpack(Map.of("challenge.yaml", MANIFEST, "/etc/cron.d/x", "x")))
        .isInstanceOf(PackageException.class).hasMessageStartingWith("/etc/cron.d/x: not a plain relative path");
    assertThatThrownBy(() -> unpack(Map.of("sum/challenge.yaml", MANIFEST, "sum/tests/../../x", "x")))
        .isInstanceOf(PackageException.class).hasMessageStartingWith("sum/tests/../../x: not a plain relative path");

    assertThatThrownBy(() -> PackageZip.unpack(TestZips.withLinks(Map.of("sum/challenge.yaml", TestZips.text(MANIFEST)),
        Map.of("sum/statement.md", "/etc/passwd")), scratch))
        .isInstanceOf(PackageException.class).hasMessage("sum/statement.md: links are not allowed in a package");
    assertThat(scratch).isEmptyDirectory();
  }

  @Test
  @DisplayName("refuses a zip without a manifest where one belongs, duplicate entries and bytes that are no zip")
  void refusesMalformed() {
    assertThatThrownBy(() -> unpack(Map.of("a/challenge.yaml", MANIFEST, "b/statement.md", "x")))
        .isInstanceOf(PackageException.class)
        .hasMessage("the zip has no challenge.yaml at its top or inside one top folder");
    assertThatThrownBy(() -> PackageZip.unpack(zipTwice("challenge.yaml"), scratch))
        .isInstanceOf(PackageException.class).hasMessage("challenge.yaml: the zip holds this entry twice");
    assertThatThrownBy(() -> PackageZip.unpack("PK not really".getBytes(StandardCharsets.UTF_8), scratch))
        .isInstanceOf(PackageException.class).hasMessageStartingWith("not a readable zip");
    assertThatThrownBy(() -> unpack(Map.of("challenge.yaml", "format: gauntlet/1\nid: [sum\n")))
        .isInstanceOf(PackageException.class).hasMessageStartingWith("challenge.yaml:");
  }

  @Test
  @DisplayName("stops a zip bomb by the bytes it inflates to, not the sizes it claims")
  void capsInflatedSize() throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipArchiveOutputStream(out)) {
      TestZips.add(zip, new ZipArchiveEntry("challenge.yaml"), TestZips.text(MANIFEST));
      zip.putArchiveEntry(new ZipArchiveEntry("tests/hidden/big.in"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i <= PackageArchive.MAX_BYTES >> 20; i++) {
        zip.write(zeros);
      }
      zip.closeArchiveEntry();
    }
    assertThat((long) out.size()).isLessThan(PackageArchive.MAX_BYTES / 100);

    assertThatThrownBy(() -> PackageZip.unpack(out.toByteArray(), scratch)).isInstanceOf(PackageException.class)
        .hasMessage("tests/hidden/big.in: the package unpacks to more than 64 MiB");
  }

  private Path unpack(Map<String, String> entries) throws IOException {
    var bytes = new LinkedHashMap<String, byte[]>();
    entries.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return PackageZip.unpack(TestZips.of(bytes), scratch);
  }

  private static byte[] zipTwice(String name) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipArchiveOutputStream(out)) {
      TestZips.add(zip, new ZipArchiveEntry(name), TestZips.text(MANIFEST));
      TestZips.add(zip, new ZipArchiveEntry(name), TestZips.text(MANIFEST));
    }
    return out.toByteArray();
  }

  private static Map<String, byte[]> filesOf(Path folder) throws IOException {
    var files = new LinkedHashMap<String, byte[]>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(folder.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }
}
