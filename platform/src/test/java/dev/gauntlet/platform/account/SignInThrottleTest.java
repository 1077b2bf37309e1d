package dev.gauntlet.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sign-in tries")
class SignInThrottleTest {
  private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
  private final SignInThrottle throttle = new SignInThrottle();

  @Test
  @DisplayName("stop an address after five in fifteen minutes, until the oldest is fifteen minutes old")
  void fiveInAWindow() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.begin("ada@example.org", T0.plusSeconds(60L * i))).as("try " + (i + 1)).isEmpty();
    }

    assertThat(throttle.begin("ada@example.org", T0.plusSeconds(360))).hasValue(Duration.ofMinutes(9));
    assertThat(throttle.begin("bob@example.org", T0.plusSeconds(360))).as("another address").isEmpty();
    assertThat(throttle.begin("ada@example.org", T0.plus(SignInThrottle.WINDOW))).as("the oldest expired").isEmpty();
    assertThat(throttle.begin("ada@example.org", T0.plus(SignInThrottle.WINDOW))).as("and the next try took its place")
        .isPresent();
  }

  @Test
  @DisplayName("are forgotten once the address signs in")
  void success() {
    for (int i = 0; i < 5; i++) {
      throttle.begin("ada@example.org", T0);
    }
    throttle.succeeded("ada@example.org");

    assertThat(throttle.begin("ada@example.org", T0)).isEmpty();
  }
}
