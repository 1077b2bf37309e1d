package dev.gauntlet.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Passwords")
class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  @DisplayName("are kept as salted PBKDF2 hashes that match the password and nothing else")
  void hashAndMatch() {
    String stored = hasher.hash("correct horse battery".toCharArray());
    String again = hasher.hash("correct horse battery".toCharArray());

    assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse");
    assertThat(again).as("a fresh salt each time").isNotEqualTo(stored);
    assertThat(hasher.matches("correct horse battery".toCharArray(), stored)).isTrue();
    assertThat(hasher.matches("correct horse batterY".toCharArray(), stored)).isFalse();
    assertThat(hasher.matches("".toCharArray(), stored)).isFalse();
  }

  @Test
  @DisplayName("never match when there is no account, though the check takes its time all the same")
  void noAccount() {
    assertThat(hasher.matches("decoy password of no account".toCharArray(), null)).isFalse();
  }

  @Test
  @DisplayName("must have 12 to 256 characters")
  void weakness() {
    assertThat(PasswordHasher.weakness("short")).isEqualTo("a password needs at least 12 characters");
    assertThat(PasswordHasher.weakness(null)).isEqualTo("a password needs at least 12 characters");
    assertThat(PasswordHasher.weakness("x".repeat(257))).isEqualTo("a password may have at most 256 characters");
    assertThat(PasswordHasher.weakness("twelve chars")).isNull();
  }
}
