package dev.gauntlet.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The author token kept in the data folder")
class AuthorTokenTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("is made once, random, readable by its owner only, and the same on every later start")
  void madeOnce() throws Exception {
    AuthorToken.of("", dataDir);
    Path file = dataDir.resolve(AuthorToken.FILE);
    String token = Files.readString(file);

    AuthorToken.of("", dataDir);

    assertThat(token).matches("[0-9a-f]{48}");
    assertThat(Files.readString(file)).isEqualTo(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(dataDir).isDirectoryNotContaining("glob:**.partial");
    AuthorToken.of("", Files.createDirectory(dataDir.resolve("other")));
    assertThat(Files.readString(dataDir.resolve("other").resolve(AuthorToken.FILE))).isNotEqualTo(token);
  }

  @Test
  @DisplayName("stops the start when the kept one is too short to be safe, and says how to get a new one")
  void refusesShort() throws Exception {
    Files.writeString(dataDir.resolve(AuthorToken.FILE), "secret\n");

    assertThatThrownBy(() -> AuthorToken.of("", dataDir)).isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("holds no author token of 16 characters or more; delete it to have a new one made");
  }
}
