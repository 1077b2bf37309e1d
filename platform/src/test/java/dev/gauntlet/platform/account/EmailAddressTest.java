package dev.gauntlet.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("E-mail addresses")
class EmailAddressTest {
  @Test
  @DisplayName("are kept stripped and lower-cased")
  void normalised() {
    assertThat(EmailAddress.normalised("  Ada.Lovelace@Example.ORG ")).hasValue("ada.lovelace@example.org");
  }

  @Test
  @DisplayName("need one @, a dotted domain, no spaces, and at most 254 characters")
  void refused() {
    assertThat(EmailAddress.normalised(null)).isEmpty();
    assertThat(EmailAddress.normalised("ada")).isEmpty();
    assertThat(EmailAddress.normalised("ada@localhost")).isEmpty();
    assertThat(EmailAddress.normalised("a@b@example.org")).isEmpty();
    assertThat(EmailAddress.normalised("ada lovelace@example.org")).isEmpty();
    assertThat(EmailAddress.normalised("a".repeat(245) + "@example.org")).isEmpty();
  }
}
