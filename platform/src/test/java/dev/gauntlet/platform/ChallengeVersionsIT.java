package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Challenge versions: uploaded, verified by a runner, immutable, pinned, diffed and deleted")
class ChallengeVersionsIT {
  @RegisterExtension
  static final RunningPlatform platform = new RunningPlatform().withAdmins("admin@acme.test");

  private ApiClient api;
  private String token;

  @BeforeEach
  void connect() throws IOException {
    api = platform.api();
    token = platform.authorToken();
  }

  @Test
  @DisplayName("the bundled challenges are version 1, and only an author may see, upload or delete versions")
  void authorsOnly() throws Exception {
    var versions = api.asAuthor(token, "GET", "/api/v1/challenges/merge-event-streams/versions", null, null);
    assertThat(versions.statusCode()).isEqualTo(200);
    var bundled = new JsonArray(versions.body()).getJsonObject(0);
    assertThat(bundled.getInteger("version")).isEqualTo(1);
    assertThat(bundled.getString("origin")).isEqualTo("BUNDLED");
    assertThat(bundled.getString("status")).isEqualTo("PUBLISHED");
    assertThat(bundled.getString("contentHash")).hasSize(64);

    var anonymous = api.get("/api/v1/challenges/merge-event-streams/versions");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(new JsonObject(anonymous.body()).getString("type")).endsWith("/unauthorized");
    assertThat(api.asAuthor("not-the-token", "POST", "/api/v1/challenges", "application/zip", zip(sum("x", "a + b")))
        .statusCode()).isEqualTo(401);
    assertThat(api.asAuthor("not-the-token", "DELETE", "/api/v1/challenges/merge-event-streams/versions/1", null, null)
        .statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("an author's or admin's session uploads and manages versions as the author token does; a manager's"
      + " does not")
  void sessions() throws Exception {
    String admin = api.signIn("admin@acme.test", RunningPlatform.ADMIN_PASSWORD);
    String author = api.addStaff(admin, "author@acme.test", "author", "author password for tests");
    String manager = api.addStaff(admin, "manager@acme.test", "manager", "manager password for tests");

    assertThat(api.asAuthor(manager, "POST", "/api/v1/challenges", "application/zip", zip(sum("by-manager", "a + b")))
        .statusCode()).isEqualTo(403);
    var uploaded = api.asAuthor(author, "POST", "/api/v1/challenges", "application/zip",
        zip(sum("by-session", "a + b")));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    assertThat(api.asAuthor(admin, "GET", "/api/v1/challenges/by-session/versions", null, null).statusCode())
        .isEqualTo(200);
    assertThat(api.asAuthor(manager, "GET", "/api/v1/challenges/by-session/versions", null, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("an upload is published once a runner verifies it; changed content makes the next version, the same"
      + " content none; a submission stays on its version; a version in use cannot be deleted")
  void versionLifecycle() throws Exception {
    var first = upload(sum("upload-sum", "a + b"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/challenges/upload-sum/versions/1");
    assertThat(new JsonObject(first.body()).getString("status")).isEqualTo("VERIFYING");
    var verified = awaitVerified("upload-sum", 1);
    assertThat(verified.getString("status")).as(verified.encodePrettily()).isEqualTo("PUBLISHED");
    assertThat(verified.getJsonObject("verification").getJsonArray("checks")).hasSize(2);

    var again = upload(sum("upload-sum", "a + b"));
    assertThat(again.statusCode()).as("the same content is no new version").isEqualTo(200);
    assertThat(new JsonObject(again.body()).getInteger("version")).isEqualTo(1);

    String pinned = api.submit("upload-sum", "python", Map.of("main.py", "a, b = map(int, input().split())\nprint(a + b)\n"));
    var changed = sum("upload-sum", "a + b");
    changed.put("statement.md", "Add two numbers; both fit in 64 bits.\n");
    assertThat(upload(changed).statusCode()).isEqualTo(202);
    assertThat(awaitVerified("upload-sum", 2).getString("status")).isEqualTo("PUBLISHED");
    assertThat(new JsonObject(api.get("/api/v1/challenges/upload-sum").body()).getInteger("version")).isEqualTo(2);
    var judged = api.awaitJudged(pinned);
    assertThat(judged.getInteger("challengeVersion")).isEqualTo(1);
    assertThat(judged.getString("verdict")).isEqualTo("ACCEPTED");

    var diff = new JsonObject(api.asAuthor(token, "GET", "/api/v1/challenges/upload-sum/versions/2/diff?from=1", null,
        null).body());
    assertThat(diff.getJsonArray("files")).hasSize(1);
    var statement = diff.getJsonArray("files").getJsonObject(0);
    assertThat(statement.getString("path")).isEqualTo("statement.md");
    assertThat(statement.getString("change")).isEqualTo("MODIFIED");
    assertThat(statement.getString("unifiedDiff"))
        .contains("-Add two numbers.", "+Add two numbers; both fit in 64 bits.");

    var listed = new JsonArray(api.asAuthor(token, "GET", "/api/v1/challenges/upload-sum/versions", null, null).body());
    assertThat(listed.stream().map(JsonObject.class::cast).map(v -> v.getInteger("version") + ":" + v.getInteger("submissions")))
        .containsExactly("2:0", "1:1");
    var inUse = api.asAuthor(token, "DELETE", "/api/v1/challenges/upload-sum/versions/1", null, null);
    assertThat(inUse.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(inUse.body()).getString("type")).endsWith("/version-in-use");
    assertThat(api.asAuthor(token, "DELETE", "/api/v1/challenges/upload-sum/versions/2", null, null).statusCode())
        .isEqualTo(204);
    assertThat(new JsonObject(api.get("/api/v1/challenges/upload-sum").body()).getInteger("version"))
        .as("the newest published version left").isEqualTo(1);
    var republished = upload(changed);
    assertThat(new JsonObject(republished.body()).getInteger("version")).as("numbers are never reused").isEqualTo(3);
  }

  @Test
  @DisplayName("an upload whose reference fails is rejected with the verification's findings, never offered, and"
      + " verified again when sent again")
  void rejectsFailingReference() throws Exception {
    assertThat(upload(sum("upload-broken", "a - b")).statusCode()).isEqualTo(202);

    var rejected = awaitVerified("upload-broken", 1);
    assertThat(rejected.getString("status")).isEqualTo("REJECTED");
    assertThat(rejected.getJsonObject("verification").getJsonArray("checks").getJsonObject(0).getString("actual"))
        .isEqualTo("WRONG_ANSWER");
    assertThat(api.get("/api/v1/challenges/upload-broken").statusCode()).isEqualTo(404);

    var again = upload(sum("upload-broken", "a - b"));
    assertThat(again.statusCode()).as("a rejected version is verified again when it is sent again").isEqualTo(202);
    assertThat(new JsonObject(again.body()).getInteger("version")).isEqualTo(1);
    assertThat(awaitVerified("upload-broken", 1).getString("status")).isEqualTo("REJECTED");
  }

  @Test
  @DisplayName("refuses zips with climbing paths, packages that do not load and bodies that are no zip, saying why")
  void refusesBadUploads() throws Exception {
    var climbing = sum("upload-sum", "a + b");
    climbing.put("../../etc/cron.d/x", "* * * * * root sh\n");
    assertProblem(upload(climbing), 422, "../../etc/cron.d/x: not a plain relative path");

    var malformed = sum("upload-sum", "a + b");
    malformed.put("challenge.yaml", "format: gauntlet/1\nid: upload-sum\nlimits: { wall_seconds: 2\n");
    assertProblem(upload(malformed), 422, "challenge.yaml:");

    var noReference = sum("upload-sum", "a + b");
    noReference.remove("reference/python/main.py");
    assertProblem(upload(noReference), 422, "reference/python");

    assertProblem(api.asAuthor(token, "POST", "/api/v1/challenges", "application/zip",
        "not a zip".getBytes(StandardCharsets.UTF_8)), 422, "not a readable zip");
    assertThat(api.asAuthor(token, "POST", "/api/v1/challenges", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
        .statusCode()).isEqualTo(415);
  }

  private HttpResponse<String> upload(Map<String, String> files) throws Exception {
    return api.asAuthor(token, "POST", "/api/v1/challenges", "application/zip", zip(files));
  }

  private JsonObject awaitVerified(String id, int version) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      var found = new JsonObject(api.asAuthor(token, "GET", "/api/v1/challenges/" + id + "/versions/" + version, null,
          null).body());
      if (!"VERIFYING".equals(found.getString("status"))) {
        return found;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(id + " version " + version + " was not verified within 3 minutes");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(response.body()).getString("detail")).contains(detail);
  }

  /** A small stdio package in Python, whose reference prints {@code expression} of the two numbers read. */
  private static Map<String, String> sum(String id, String expression) {
    var files = new TreeMap<String, String>();
    files.put("challenge.yaml", """
        format: gauntlet/1
        id: %s
        title: Sum of two numbers
        kind: stdio
        languages: [python]
        suggested_minutes: 5
        limits: { build_seconds: 30, wall_seconds: 5, memory_mb: 128, cpus: 1.0, pids: 32, output_kb: 64 }
        scoring: { correctness: 100, performance: 0 }
        """.formatted(id));
    files.put("statement.md", "Add two numbers.\n");
    files.put("starter/python/main.py", "a, b = map(int, input().split())\n");
    files.put("reference/python/main.py", "a, b = map(int, input().split())\nprint(" + expression + ")\n");
    files.put("tests/public/01.in", "1 2\n");
    files.put("tests/public/01.ans", "3\n");
    files.put("tests/hidden/01.in", "40 2\n");
    files.put("tests/hidden/01.ans", "42\n");
    files.put("submissions/wrong_answer/product/main.py", "a, b = map(int, input().split())\nprint(a * b)\n");
    return files;
  }

  private static byte[] zip(Map<String, String> files) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry("package/" + file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
