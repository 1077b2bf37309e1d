package dev.gauntlet.runner.judge.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.Tolerance;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Comparing output token by token")
class TokenComparatorTest {
  private static Optional<String> compare(Tolerance tolerance, String expected, String actual) {
    return new TokenComparator(tolerance).difference(expected.getBytes(StandardCharsets.UTF_8),
        actual.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("ignores how tokens are spaced, not what they are")
  void whitespace() {
    assertThat(compare(Tolerance.EXACT, "1 2\n3\n", "1\n2 3")).isEmpty();
    assertThat(compare(Tolerance.EXACT, "1 2 3", "1 2 4")).hasValue("token 3: expected '3' but got '4'");
    assertThat(compare(Tolerance.EXACT, "1.0", "1")).isPresent();
  }

  @Test
  @DisplayName("reports missing and extra output")
  void lengths() {
    assertThat(compare(Tolerance.EXACT, "1 2", "1")).hasValue("expected 2 tokens but got 1");
    assertThat(compare(Tolerance.EXACT, "", "\n\n")).isEmpty();
  }

  @Test
  @DisplayName("accepts numbers within the absolute or the relative tolerance")
  void tolerance() {
    var tolerance = new Tolerance(1e-6, 1e-3);
    assertThat(compare(tolerance, "0.5", "0.5000004")).isEmpty();
    assertThat(compare(tolerance, "1000", "1000.9")).isEmpty();
    assertThat(compare(tolerance, "1000", "1002")).isPresent();
    assertThat(compare(tolerance, "abc", "abd")).isPresent();
  }
}
