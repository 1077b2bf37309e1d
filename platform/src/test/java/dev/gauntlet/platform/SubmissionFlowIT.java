package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.docker.DockerFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A submission from HTTP to stored verdict, on the whole platform with real Docker")
class SubmissionFlowIT {
  @RegisterExtension
  static final RunningPlatform PLATFORM = new RunningPlatform();
  private final ApiClient api = PLATFORM.api();

  @AfterAll
  static void noSandboxLeft() {
    assertThat(DockerFixture.strayContainers(PLATFORM.idleSandboxes())).isZero();
  }

  @Test
  @DisplayName("accepts a reference solution and shows hidden tests only as pass/fail with resources")
  void accepted() throws Exception {
    var judged = api.awaitJudged(api.submit("latency-percentiles", "python",
        Map.of("main.py", ApiClient.source("latency-percentiles/reference/python/main.py"))));

    assertThat(judged.getString("verdict")).isEqualTo("ACCEPTED");
    assertThat(judged.getInteger("score")).isEqualTo(100);
    JsonArray tests = judged.getJsonArray("tests");
    assertThat(tests).hasSize(9);
    for (Object t : tests) {
      var test = (JsonObject) t;
      assertThat(test.getString("verdict")).isEqualTo("ACCEPTED");
      assertThat(test.getLong("memoryKb")).isPositive();
      assertThat(test.containsKey("detail")).isFalse();
    }
  }

  @Test
  @DisplayName("gives a known-wrong Java solution WRONG_ANSWER")
  void wrongAnswer() throws Exception {
    var judged = api.awaitJudged(api.submit("latency-percentiles", "java", Map.of("Main.java",
        ApiClient.source("latency-percentiles/submissions/wrong_answer/java-off-by-one-rank/Main.java"))));

    assertThat(judged.getString("verdict")).isEqualTo("WRONG_ANSWER");
    assertThat(judged.getInteger("score")).isLessThan(100);
  }

  @Test
  @DisplayName("gives a syntax error BUILD_ERROR with the compiler's message")
  void buildError() throws Exception {
    var judged = api.awaitJudged(api.submit("merge-event-streams", "java",
        Map.of("Main.java", "public class Main { void broken( }")));

    assertThat(judged.getString("verdict")).isEqualTo("BUILD_ERROR");
    assertThat(judged.getString("message")).contains("Main.java:1: error:");
  }

  @Test
  @DisplayName("gives an endless loop TIME_LIMIT within a second of the 2 s limit")
  void timeLimit() throws Exception {
    var judged = api.awaitJudged(api.submit("merge-event-streams", "python", Map.of("main.py", "while True:\n    pass\n")));

    assertThat(judged.getString("verdict")).isEqualTo("TIME_LIMIT");
    assertThat(judged.getJsonArray("tests").getJsonObject(0).getLong("wallMs")).isBetween(2_000L, 3_000L);
  }

  @Test
  @DisplayName("gives a 2 GiB allocation MEMORY_LIMIT")
  void memoryLimit() throws Exception {
    var judged = api.awaitJudged(api.submit("merge-event-streams", "java", Map.of("Main.java", """
        public class Main {
          public static void main(String[] args) {
            byte[][] blocks = new byte[2048][];
            for (int i = 0; i < blocks.length; i++) blocks[i] = new byte[1 << 20];
            System.out.println(blocks.length);
          }
        }
        """)));

    assertThat(judged.getString("verdict")).isEqualTo("MEMORY_LIMIT");
  }

  @Test
  @DisplayName("serves a challenge with statement, starters and public tests, never hidden tests or references")
  void challengeDetail() throws Exception {
    var response = api.get("/api/v1/challenges/merge-event-streams");
    assertThat(response.statusCode()).isEqualTo(200);
    var challenge = new JsonObject(response.body());

    assertThat(challenge.getString("statement")).startsWith("# ");
    assertThat(challenge.getJsonObject("starters").fieldNames()).containsExactlyInAnyOrder("java", "python");
    assertThat(challenge.getJsonArray("publicTests")).hasSize(2);
    String hiddenInput = Files.readString(ApiClient.CATALOG.resolve("merge-event-streams/tests/hidden/05-tie-order.in"));
    String reference = ApiClient.source("merge-event-streams/reference/python/main.py");
    assertThat(response.body()).doesNotContain("05-tie-order", hiddenInput.substring(0, 200),
        new JsonObject().put("s", reference).encode().substring(6, 200));
  }

  @Test
  @DisplayName("judges an HTTP service against the reference and shows both sides' latency figures")
  void httpService() throws Exception {
    var judged = api.awaitJudged(api.submit("short-links", "go",
        Map.of("main.go", ApiClient.source("short-links/reference/go/main.go"))));

    assertThat(judged.getString("verdict")).as(judged.encodePrettily()).isEqualTo("ACCEPTED");
    assertThat(judged.getInteger("score")).isEqualTo(100);
    assertThat(judged.getJsonArray("tests")).hasSize(8);
    var performance = judged.getJsonObject("performance");
    assertThat(performance.getString("metric")).isEqualTo("p90_ms");
    assertThat(performance.getJsonArray("candidateMs")).hasSize(3);
    assertThat(performance.getJsonArray("referenceMs")).hasSize(3);
    assertThat(performance.getInteger("points")).isEqualTo(30);
    assertThat(performance.getLong("requests")).isEqualTo(900);
  }

  @Test
  @DisplayName("serves an HTTP challenge with its public scenarios, never the hidden ones")
  void httpChallengeDetail() throws Exception {
    var response = api.get("/api/v1/challenges/short-links");
    var challenge = new JsonObject(response.body());

    assertThat(challenge.getString("kind")).isEqualTo("http-service");
    assertThat(challenge.getJsonObject("starters").fieldNames()).containsExactlyInAnyOrder("java", "python", "node", "go");
    assertThat(challenge.getJsonArray("publicScenarios")).extracting(s -> ((JsonObject) s).getString("name"))
        .containsExactly("create-and-follow", "rejects-a-relative-url");
    assertThat(response.body()).doesNotContain("redirect-counts-hits", "retry-7f3a", "example.net/hits");
  }

  @Test
  @DisplayName("streams each test as it is judged, then the verdict, as server-sent events")
  void liveProgress() throws Exception {
    String location = api.submit("latency-percentiles", "java",
        Map.of("Main.java", ApiClient.source("latency-percentiles/reference/java/Main.java")));

    var events = api.events(location + "/events");

    assertThat(events).first().satisfies(e -> assertThat(e.getKey()).isEqualTo("status"));
    var tests = events.stream().filter(e -> e.getKey().equals("test")).map(e -> new JsonObject(e.getValue())).toList();
    assertThat(tests).hasSize(9);
    assertThat(tests).extracting(t -> t.getInteger("done")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(tests.getLast().getJsonObject("test").containsKey("detail")).isFalse();
    assertThat(events).last().satisfies(e -> {
      assertThat(e.getKey()).isEqualTo("verdict");
      assertThat(new JsonObject(e.getValue()).getString("verdict")).isEqualTo("ACCEPTED");
    });

    var afterwards = api.events(location + "/events");
    assertThat(afterwards).singleElement().satisfies(e -> assertThat(e.getKey()).isEqualTo("verdict"));
  }
}
