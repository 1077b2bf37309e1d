package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.platform.storage.Database;
import dev.gauntlet.platform.storage.DatabaseSettings;
import dev.gauntlet.platform.submission.StoredSubmission;
import dev.gauntlet.platform.submission.SubmissionRepository;
import dev.gauntlet.platform.submission.SubmissionStatus;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.language.Language;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A restarted platform")
class RestartIT {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("keeps every stored verdict, and judges what was left unfinished")
  void keepsAndResumes() throws Exception {
    String location;
    String judgedBefore;
    try (var app = RunningPlatform.start(dataDir)) {
      var api = new ApiClient(app.port());
      location = api.submit("merge-event-streams", "python",
          Map.of("main.py", ApiClient.source("merge-event-streams/reference/python/main.py")));
      judgedBefore = api.awaitJudged(location).encode();
    }

    // A submission stored but never judged, as when the process died right after accepting it.
    String unfinished = UUID.randomUUID().toString();
    try (var db = Database.open(DatabaseSettings.embedded(), dataDir)) {
      new SubmissionRepository(db.dataSource()).insert(new StoredSubmission(unfinished, "merge-event-streams", 1,
          Language.PYTHON, Map.of("main.py", "print(0)"), SubmissionStatus.QUEUED, null, Instant.now(), null));
    }

    try (var app = RunningPlatform.start(dataDir)) {
      var api = new ApiClient(app.port());
      assertThat(api.get(location).body()).isEqualTo(judgedBefore);
      var resumed = api.awaitJudged("/api/v1/submissions/" + unfinished);
      assertThat(resumed.getString("verdict")).isEqualTo("WRONG_ANSWER");
    }
  }

  @Test
  @DisplayName("stopped while judging, leaves no sandbox behind and judges the submission after it starts again")
  void stopsWhileJudging() throws Exception {
    String location;
    try (var app = RunningPlatform.start(dataDir)) {
      var api = new ApiClient(app.port());
      location = api.submit("merge-event-streams", "python", Map.of("main.py", "import time\ntime.sleep(60)\n"));
      awaitRun(app);
    }
    assertThat(DockerFixture.sandboxContainers()).isZero();

    try (var app = RunningPlatform.start(dataDir)) {
      assertThat(new ApiClient(app.port()).awaitJudged(location).getString("verdict")).isEqualTo("TIME_LIMIT");
    }
  }

  private static void awaitRun(PlatformApp app) throws InterruptedException {
    for (int i = 0; i < 100 && DockerFixture.strayContainers(app.idleSandboxes()) == 0; i++) {
      Thread.sleep(50);
    }
    assertThat(DockerFixture.strayContainers(app.idleSandboxes())).as("a sandbox is running").isPositive();
  }
}
