package dev.gauntlet.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The resource report on standard error")
class ResourceReportTest {
  private final ResourceReport report = new ResourceReport();

  private String line() {
    return report.format().replace("%e %U %S %M", "1.25 0.50 0.25 20480") + "\n";
  }

  private static CappedBuffer stderr(int cap, String... writes) {
    var buffer = new CappedBuffer(new StreamCap(cap, false));
    for (String write : writes) {
      buffer.append(write.getBytes(StandardCharsets.UTF_8));
    }
    return buffer;
  }

  @Test
  @DisplayName("is read and taken out of what the candidate sees")
  void extracted() {
    var usage = report.extract(stderr(1 << 10, "warning: x\n", line()));

    assertThat(usage.elapsed()).contains(Duration.ofMillis(1250));
    assertThat(usage.cpu()).isEqualTo(Duration.ofMillis(750));
    assertThat(usage.peakMemoryKb()).hasValue(20480);
    assertThat(new String(usage.remainingStderr(), StandardCharsets.UTF_8)).isEqualTo("warning: x\n");
  }

  @Test
  @DisplayName("is still read when the program filled standard error past its cap")
  void afterAFlood() {
    var usage = report.extract(stderr(64, "e".repeat(10_000), line()));

    assertThat(usage.peakMemoryKb()).hasValue(20480);
    assertThat(usage.remainingStderr()).hasSize(64);
  }

  @Test
  @DisplayName("is absent when the program was killed before it could be written, or forged with another marker")
  void absent() {
    var forged = new ResourceReport().format().replace("%e %U %S %M", "0.01 0 0 1") + "\n";
    var usage = report.extract(stderr(1 << 10, forged));

    assertThat(usage.elapsed()).isEmpty();
    assertThat(usage.peakMemoryKb()).isEmpty();
  }
}
