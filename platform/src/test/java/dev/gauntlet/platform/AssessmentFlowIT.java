package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An assessment from end to end over the API, judged in Docker: an admin adds a manager, who builds
 * an assessment and invites a candidate; the candidate opens the link, reads the statement,
 * submits, follows the verdict live and finishes; the manager sees the ranking, the breakdown and
 * the code.
 */
@DisplayName("An assessment from invitation to review")
class AssessmentFlowIT {
  @RegisterExtension
  static final RunningPlatform PLATFORM = new RunningPlatform().withAdmins("admin@acme.test");
  private static final String CHALLENGE = "merge-event-streams";
  private static final String PASSWORD = "manager password for tests";

  @Test
  @DisplayName("the candidate's best submission is the score the manager reviews, with its code")
  void invitationToReview() throws Exception {
    var api = PLATFORM.api();
    String manager = api.addStaff(api.signIn("admin@acme.test", RunningPlatform.ADMIN_PASSWORD), "lead@acme.test",
        "manager", PASSWORD);
    var created = api.call("POST", "/api/v1/assessments", manager, new JsonObject().put("name", "Streams")
        .put("challenges", new JsonArray().add(CHALLENGE)).put("timeLimitMinutes", 30)
        .put("languages", new JsonArray().add("python")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    var assessment = new JsonObject(created.body());
    assertThat(assessment.getJsonArray("challenges").getJsonObject(0).getInteger("version")).isEqualTo(1);
    var invitation = new JsonObject(api.call("POST", "/api/v1/assessments/" + assessment.getString("id")
        + "/invitations", manager, new JsonObject().put("email", "grace@candidates.test")).body());
    assertThat(invitation.getString("link")).isEqualTo("http://127.0.0.1:" + PLATFORM.port() + "/take#"
        + invitation.getString("token"));

    var opened = new JsonObject(api.call("POST", "/api/v1/attempts", null,
        new JsonObject().put("token", invitation.getString("token"))).body());
    String candidate = opened.getString("token");
    String attempt = "/api/v1/attempts/" + opened.getJsonObject("attempt").getString("id");
    assertThat(opened.getJsonObject("attempt").getString("status")).isEqualTo("STARTED");
    var statement = new JsonObject(api.call("GET", attempt + "/challenges/" + CHALLENGE, candidate, null).body());
    assertThat(statement.getJsonObject("starters").getJsonObject("python").getString("main.py")).isNotBlank();

    String wrong = submit(api, candidate, attempt, "wrong_answer/python-strict-window");
    var wrongEvents = api.events(wrong + "/events", candidate);
    assertThat(wrongEvents.getLast().getKey()).isEqualTo("verdict");
    assertThat(new JsonObject(wrongEvents.getLast().getValue()).getString("verdict")).isEqualTo("WRONG_ANSWER");
    String right = submit(api, candidate, attempt, "accepted/python-stable-sort");
    var events = api.events(right + "/events", candidate);
    assertThat(events).extracting(Map.Entry::getKey).contains("test").last().isEqualTo("verdict");
    var verdict = new JsonObject(events.getLast().getValue());
    assertThat(verdict.getString("verdict")).isEqualTo("ACCEPTED");
    assertThat(verdict.containsKey("files")).as("the stream sends no code").isFalse();

    var finished = new JsonObject(api.call("POST", attempt + "/finish", candidate, null).body());
    assertThat(finished.getString("status")).isEqualTo("SUBMITTED");
    var score = finished.getJsonObject("score");
    assertThat(score.getInteger("score")).isEqualTo(score.getInteger("maxScore")).isPositive();
    var breakdown = score.getJsonArray("challenges").getJsonObject(0);
    assertThat(breakdown.getString("verdict")).isEqualTo("ACCEPTED");
    assertThat(breakdown.getInteger("submissions")).isEqualTo(2);
    assertThat(breakdown.getBoolean("pending")).isFalse();
    assertThat(api.call("POST", attempt + "/submissions", candidate, submission("accepted/python-stable-sort"))
        .statusCode()).as("after finishing").isEqualTo(409);

    var ranking = new JsonObject(api.call("GET", "/api/v1/assessments/" + assessment.getString("id"), manager, null)
        .body()).getJsonArray("candidates");
    assertThat(ranking).hasSize(1);
    assertThat(ranking.getJsonObject(0).getString("status")).isEqualTo("SUBMITTED");
    assertThat(ranking.getJsonObject(0).getInteger("score")).isEqualTo(score.getInteger("maxScore"));
    var reviewed = new JsonObject(api.call("GET", right, manager, null).body());
    assertThat(reviewed.getJsonObject("files").getString("main.py"))
        .isEqualTo(ApiClient.source(CHALLENGE + "/submissions/accepted/python-stable-sort/main.py"));
    assertThat(new JsonArray(api.call("GET", attempt + "/submissions", manager, null).body())).hasSize(2);

    // A second candidate hands in the first one's code: the reviewer sees the pair flagged.
    var copier = new JsonObject(api.call("POST", "/api/v1/assessments/" + assessment.getString("id")
        + "/invitations", manager, new JsonObject().put("email", "mallory@candidates.test")).body());
    var copierOpened = new JsonObject(api.call("POST", "/api/v1/attempts", null,
        new JsonObject().put("token", copier.getString("token"))).body());
    String copied = submit(api, copierOpened.getString("token"), "/api/v1/attempts/"
        + copierOpened.getJsonObject("attempt").getString("id"), "accepted/python-stable-sort");
    assertThat(api.events(copied + "/events", copierOpened.getString("token")).getLast().getKey()).isEqualTo("verdict");
    var similarity = new JsonObject(api.call("GET", "/api/v1/assessments/" + assessment.getString("id")
        + "/similarity", manager, null).body());
    assertThat(similarity.getJsonArray("pairs")).hasSize(1);
    var pair = similarity.getJsonArray("pairs").getJsonObject(0);
    assertThat(pair.getDouble("similarity")).isGreaterThanOrEqualTo(similarity.getDouble("thresholdPercent"));
    assertThat(List.of(pair.getJsonObject("first").getString("email"), pair.getJsonObject("second").getString("email")))
        .containsExactlyInAnyOrder("grace@candidates.test", "mallory@candidates.test");
    assertThat(pair.getJsonArray("regions")).isNotEmpty();
  }

  private static JsonObject submission(String known) throws Exception {
    return new JsonObject().put("challenge", CHALLENGE).put("language", "python").put("files",
        new JsonObject().put("main.py", ApiClient.source(CHALLENGE + "/submissions/" + known + "/main.py")));
  }

  private static String submit(ApiClient api, String candidate, String attempt, String known) throws Exception {
    var response = api.call("POST", attempt + "/submissions", candidate, submission(known));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return response.headers().firstValue("Location").orElseThrow();
  }
}
