package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Back-pressure")
class BackPressureIT {
  @RegisterExtension
  static final RunningPlatform PLATFORM = new RunningPlatform(1);
  private final ApiClient api = PLATFORM.api();

  @Test
  @DisplayName("turns new submissions away with 503 and Retry-After while the queue is full, and takes them again after")
  void queueFull() throws Exception {
    var slow = Map.of("main.py", "import time\ntime.sleep(1.5)\n");
    String waiting = api.submit("merge-event-streams", "python", slow);

    var refused = api.post("/api/v1/submissions", "application/json",
        "{\"challenge\":\"merge-event-streams\",\"language\":\"python\",\"files\":{\"main.py\":\"print(1)\"}}");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(refused.body()).contains("https://gauntlet.dev/problems/queue-full", "1 submissions are already waiting");

    assertThat(api.awaitJudged(waiting).getString("verdict")).isEqualTo("WRONG_ANSWER");
    assertThat(api.awaitJudged(api.submit("merge-event-streams", "python", slow)).getString("verdict"))
        .isEqualTo("WRONG_ANSWER");
  }
}
