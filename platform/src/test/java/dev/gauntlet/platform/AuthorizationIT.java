package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.platform.storage.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every rule of who may do what, each proved by a request that must be refused, on a platform
 * without a runner: what is refused here never reaches a sandbox. Two organisations, Acme and
 * Globex; Acme has one assessment with candidates of its own.
 */
@DisplayName("Who may do what")
class AuthorizationIT {
  @RegisterExtension
  static final RunningPlatform PLATFORM = RunningPlatform.withoutRunner()
      .withAdmins("admin@acme.test", "admin@globex.test");
  private static final String CHALLENGE = "merge-event-streams";
  private static final String STAFF_PASSWORD = "staff password for tests";

  private static ApiClient api;
  private static String acmeAdmin;
  private static String acmeManager;
  private static String acmeAuthor;
  private static String globexManager;
  private static String assessment;
  private static Candidate first;
  private static Candidate second;
  private static String firstSubmission;

  /** An invited candidate who opened the link. */
  private record Candidate(String email, String attempt, String session) {
  }

  @BeforeAll
  static void organisations() throws Exception {
    api = PLATFORM.api();
    acmeAdmin = api.signIn("admin@acme.test", RunningPlatform.ADMIN_PASSWORD);
    String globexAdmin = api.signIn("admin@globex.test", RunningPlatform.ADMIN_PASSWORD);
    acmeManager = staff(acmeAdmin, "manager@acme.test", "manager");
    acmeAuthor = staff(acmeAdmin, "author@acme.test", "author");
    globexManager = staff(globexAdmin, "manager@globex.test", "manager");
    var created = api.call("POST", "/api/v1/assessments", acmeManager, new JsonObject().put("name", "Backend II")
        .put("challenges", new JsonArray().add(CHALLENGE)).put("timeLimitMinutes", 60));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assessment = new JsonObject(created.body()).getString("id");
    first = open("first@candidates.test");
    second = open("second@candidates.test");
    var submitted = submit(first, "print(1)\n");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    firstSubmission = new JsonObject(submitted.body()).getString("id");
  }

  @Test
  @DisplayName("without a valid session nothing but the public catalog answers")
  void noSession() throws Exception {
    for (String[] route : List.of(
        new String[] {"GET", "/api/v1/me"}, new String[] {"GET", "/api/v1/staff"}, new String[] {"POST", "/api/v1/staff"},
        new String[] {"GET", "/api/v1/assessments"}, new String[] {"POST", "/api/v1/assessments"},
        new String[] {"GET", "/api/v1/assessments/" + assessment},
        new String[] {"POST", "/api/v1/assessments/" + assessment + "/invitations"},
        new String[] {"POST", "/api/v1/assessments/" + assessment + "/invitations/" + first.attempt() + "/link"},
        new String[] {"GET", "/api/v1/attempts/" + first.attempt()},
        new String[] {"GET", "/api/v1/attempts/" + first.attempt() + "/challenges/" + CHALLENGE},
        new String[] {"GET", "/api/v1/attempts/" + first.attempt() + "/submissions"},
        new String[] {"POST", "/api/v1/attempts/" + first.attempt() + "/submissions"},
        new String[] {"GET", "/api/v1/attempts/" + first.attempt() + "/submissions/" + firstSubmission},
        new String[] {"GET", "/api/v1/attempts/" + first.attempt() + "/submissions/" + firstSubmission + "/events"},
        new String[] {"POST", "/api/v1/attempts/" + first.attempt() + "/finish"},
        new String[] {"POST", "/api/v1/attempts/" + first.attempt() + "/runs"},
        new String[] {"GET", "/api/v1/attempts/" + first.attempt() + "/drafts"},
        new String[] {"PUT", "/api/v1/attempts/" + first.attempt() + "/drafts/" + CHALLENGE},
        new String[] {"GET", "/api/v1/challenges/" + CHALLENGE + "/versions"})) {
      var body = route[0].equals("GET") ? null : new JsonObject();
      for (String token : new String[] {null, "forged.token.value", acmeManager + "x"}) {
        var response = api.call(route[0], route[1], token, body);
        assertThat(response.statusCode()).as(route[0] + " " + route[1] + " with " + token).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      }
    }
    assertThat(api.get("/api/v1/challenges").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("each role is refused what belongs to another")
  void roles() throws Exception {
    var newStaff = new JsonObject().put("email", "sneaky@acme.test").put("role", "admin").put("password", STAFF_PASSWORD);
    assertRefused(403, "POST", "/api/v1/staff", acmeManager, newStaff);
    assertRefused(403, "POST", "/api/v1/staff", acmeAuthor, newStaff);
    assertRefused(403, "POST", "/api/v1/staff", first.session(), newStaff);
    assertRefused(403, "GET", "/api/v1/staff", acmeManager, null);
    assertRefused(403, "GET", "/api/v1/assessments", acmeAuthor, null);
    assertRefused(403, "POST", "/api/v1/assessments", acmeAuthor, new JsonObject().put("name", "x")
        .put("challenges", new JsonArray().add(CHALLENGE)).put("timeLimitMinutes", 30));
    assertRefused(403, "GET", "/api/v1/assessments", first.session(), null);
    assertRefused(403, "GET", "/api/v1/assessments/" + assessment, first.session(), null);
    assertRefused(403, "POST", "/api/v1/assessments/" + assessment + "/invitations", first.session(),
        new JsonObject().put("email", "friend@candidates.test"));
    assertRefused(403, "GET", "/api/v1/challenges/" + CHALLENGE + "/versions", acmeManager, null);
    assertRefused(403, "GET", "/api/v1/challenges/" + CHALLENGE + "/versions", first.session(), null);
    assertThat(api.call("GET", "/api/v1/challenges/" + CHALLENGE + "/versions", acmeAuthor, null).statusCode())
        .isEqualTo(200);
    assertThat(api.call("GET", "/api/v1/challenges/" + CHALLENGE + "/versions", acmeAdmin, null).statusCode())
        .isEqualTo(200);
    assertThat(api.call("GET", "/api/v1/staff", acmeAdmin, null).body()).doesNotContain("globex")
        .doesNotContain("pbkdf2");
  }

  @Test
  @DisplayName("another organisation's assessment, attempts and submissions are not there")
  void otherOrganisation() throws Exception {
    String attempt = "/api/v1/attempts/" + first.attempt();
    assertRefused(404, "GET", "/api/v1/assessments/" + assessment, globexManager, null);
    assertRefused(404, "POST", "/api/v1/assessments/" + assessment + "/invitations", globexManager,
        new JsonObject().put("email", "poached@candidates.test"));
    assertRefused(404, "POST", "/api/v1/assessments/" + assessment + "/invitations/" + first.attempt() + "/link",
        globexManager, null);
    assertRefused(404, "GET", attempt, globexManager, null);
    assertRefused(404, "GET", attempt + "/submissions", globexManager, null);
    assertRefused(404, "GET", attempt + "/submissions/" + firstSubmission, globexManager, null);
    assertRefused(404, "GET", attempt + "/submissions/" + firstSubmission + "/events", globexManager, null);
    assertRefused(404, "GET", attempt, acmeAuthor, null);
    assertThat(api.call("GET", "/api/v1/assessments", globexManager, null).body()).doesNotContain(assessment);
    assertThat(api.call("GET", "/api/v1/assessments", acmeManager, null).body()).contains(assessment);
  }

  @Test
  @DisplayName("a candidate sees their own attempt only, and never through the open submission routes")
  void otherAttempt() throws Exception {
    String theirs = "/api/v1/attempts/" + first.attempt();
    String session = second.session();
    assertRefused(404, "GET", theirs, session, null);
    assertRefused(404, "GET", theirs + "/challenges/" + CHALLENGE, session, null);
    assertRefused(404, "GET", theirs + "/submissions", session, null);
    assertRefused(404, "GET", theirs + "/submissions/" + firstSubmission, session, null);
    assertRefused(404, "GET", theirs + "/submissions/" + firstSubmission + "/events", session, null);
    assertRefused(404, "POST", theirs + "/finish", session, null);
    var copy = submission("print(2)\n");
    assertRefused(404, "POST", theirs + "/submissions", session, copy);
    assertRefused(404, "POST", theirs + "/runs", session, copy);
    assertRefused(404, "GET", theirs + "/drafts", session, null);
    assertRefused(404, "PUT", theirs + "/drafts/" + CHALLENGE, session, draft("print(2)\n"));
    assertRefused(404, "GET", "/api/v1/attempts/" + second.attempt() + "/submissions/" + firstSubmission, session, null);
    assertRefused(404, "GET", "/api/v1/submissions/" + firstSubmission, null, null);
    assertProblem(422, "is used in assessments, so it is not open to practice", "POST", "/api/v1/submissions", null,
        submission("print(2)\n"));
    assertRefused(404, "GET", "/api/v1/submissions/" + firstSubmission + "/events", null, null);

    var own = api.call("GET", "/api/v1/attempts/" + second.attempt(), session, null);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains(second.email()).doesNotContain(first.email());
    assertThat(new JsonArray(api.call("GET", "/api/v1/attempts/" + second.attempt() + "/submissions", session, null)
        .body())).isEmpty();
  }

  @Test
  @DisplayName("reviewers read an attempt but only its candidate submits or finishes it")
  void reviewersOnlyRead() throws Exception {
    String attempt = "/api/v1/attempts/" + first.attempt();
    assertRefused(403, "POST", attempt + "/submissions", acmeManager, submission("print(3)\n"));
    assertRefused(403, "POST", attempt + "/finish", acmeAdmin, null);
    assertRefused(403, "POST", attempt + "/runs", acmeManager, submission("print(3)\n"));
    assertRefused(403, "PUT", attempt + "/drafts/" + CHALLENGE, acmeManager, draft("print(3)\n"));
    assertRefused(403, "GET", attempt + "/drafts", acmeManager, null);

    var read = new JsonObject(api.call("GET", attempt + "/submissions/" + firstSubmission, acmeManager, null).body());
    assertThat(read.getJsonObject("files").getString("main.py")).isEqualTo("print(1)\n");
    var ranking = new JsonObject(api.call("GET", "/api/v1/assessments/" + assessment, acmeManager, null).body());
    assertThat(ranking.getJsonArray("candidates")).extracting(c -> ((JsonObject) c).getString("email"))
        .contains(first.email(), second.email());
  }

  @Test
  @DisplayName("a statement read in an attempt holds the public tests and never a hidden one")
  void hiddenTests() throws Exception {
    var response = api.call("GET", "/api/v1/attempts/" + first.attempt() + "/challenges/" + CHALLENGE, first.session(),
        null);
    String hidden = Files.readString(ApiClient.CATALOG.resolve(CHALLENGE + "/tests/hidden/05-tie-order.in"));
    String referenceLine = Files.readAllLines(ApiClient.CATALOG.resolve(CHALLENGE + "/reference/python/main.py"))
        .stream().max(Comparator.comparingInt(String::length)).orElseThrow().strip();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getJsonArray("publicTests")).isNotEmpty();
    assertThat(response.body()).doesNotContain(hidden.strip()).doesNotContain(referenceLine);
    assertRefused(404, "GET", "/api/v1/attempts/" + first.attempt() + "/challenges/short-links", first.session(),
        null);
  }

  @Test
  @DisplayName("an invitation link opens once; a new link ends the sessions of the old one and keeps the clock")
  void links() throws Exception {
    var invited = invite("third@candidates.test");
    var opened = api.call("POST", "/api/v1/attempts", null, new JsonObject().put("token", invited.getString("token")));
    assertThat(opened.statusCode()).isEqualTo(201);
    String attempt = "/api/v1/attempts/" + invited.getString("attemptId");
    String oldSession = new JsonObject(opened.body()).getString("token");
    String deadline = new JsonObject(opened.body()).getJsonObject("attempt").getString("deadline");

    var again = api.call("POST", "/api/v1/attempts", null, new JsonObject().put("token", invited.getString("token")));
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(new JsonObject(again.body()).getString("detail")).contains("opened already");
    var guessed = api.call("POST", "/api/v1/attempts", null, new JsonObject().put("token", "A".repeat(43)));
    assertThat(guessed.statusCode()).isEqualTo(410);

    var replaced = api.call("POST", "/api/v1/assessments/" + assessment + "/invitations/"
        + invited.getString("attemptId") + "/link", acmeManager, null);
    assertThat(replaced.statusCode()).isEqualTo(201);
    assertRefused(401, "GET", attempt, oldSession, null);
    var reopened = api.call("POST", "/api/v1/attempts", null,
        new JsonObject().put("token", new JsonObject(replaced.body()).getString("token")));
    assertThat(reopened.statusCode()).isEqualTo(201);
    var view = new JsonObject(reopened.body()).getJsonObject("attempt");
    assertThat(view.getString("deadline")).isEqualTo(deadline);
    assertThat(api.call("GET", attempt, new JsonObject(reopened.body()).getString("token"), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("an attempt takes two submissions waiting for a verdict at a time, then asks to wait")
  void rateLimit() throws Exception {
    var candidate = open("fourth@candidates.test");
    assertThat(submit(candidate, "print(4)\n").statusCode()).isEqualTo(202);
    assertThat(submit(candidate, "print(5)\n").statusCode()).isEqualTo(202);

    var third = submit(candidate, "print(6)\n");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(new JsonObject(third.body()).getString("type")).endsWith("/rate-limited");
    assertThat(new JsonArray(api.call("GET", "/api/v1/attempts/" + candidate.attempt() + "/submissions",
        candidate.session(), null).body())).hasSize(2);
  }

  @Test
  @DisplayName("once the clock runs out nothing more is taken, and the attempt says so")
  void clock() throws Exception {
    var candidate = open("fifth@candidates.test");
    try (var database = PLATFORM.database()) {
      new Sql(database.dataSource()).update("end the clock", "update attempt set deadline = ? where id = ?",
          Timestamp.from(Instant.now().minusSeconds(1)), candidate.attempt());
    }

    var late = submit(candidate, "print(7)\n");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(late.body()).getString("detail")).contains("time ran out");
    assertRefused(409, "POST", "/api/v1/attempts/" + candidate.attempt() + "/finish", candidate.session(), null);
    var view = new JsonObject(api.call("GET", "/api/v1/attempts/" + candidate.attempt(), candidate.session(), null)
        .body());
    assertThat(view.getString("status")).isEqualTo("EXPIRED");
  }

  @Test
  @DisplayName("bad input gets a problem document that says what to change, and changes nothing")
  void badInput() throws Exception {
    int assessments = new JsonArray(api.call("GET", "/api/v1/assessments", acmeManager, null).body()).size();
    assertThat(api.call("POST", "/api/v1/sessions", null, new JsonObject().put("email", "admin@acme.test")
        .put("password", "wrong password here")).statusCode()).isEqualTo(401);
    assertThat(api.call("POST", "/api/v1/sessions", null, new JsonObject().put("email", "nobody@acme.test")
        .put("password", RunningPlatform.ADMIN_PASSWORD)).statusCode()).isEqualTo(401);
    assertProblem(422, "'password' does not match the API's schema: String is too short (5 < 12)", "POST", "/api/v1/staff", acmeAdmin, new JsonObject()
        .put("email", "weak@acme.test").put("role", "manager").put("password", "short"));
    assertProblem(422, "'role' does not match the API's schema", "POST", "/api/v1/staff", acmeAdmin, new JsonObject()
        .put("email", "odd@acme.test").put("role", "owner").put("password", STAFF_PASSWORD));
    assertProblem(409, "already has an account", "POST", "/api/v1/staff", acmeAdmin, new JsonObject()
        .put("email", "Manager@Acme.test").put("role", "manager").put("password", STAFF_PASSWORD));
    var assessmentBody = new JsonObject().put("name", "Tuning").put("challenges", new JsonArray().add(CHALLENGE))
        .put("timeLimitMinutes", 45);
    assertProblem(422, "unknown challenge 'no-such'", "POST", "/api/v1/assessments", acmeManager,
        assessmentBody.copy().put("challenges", new JsonArray().add("no-such")));
    assertProblem(422, "'timeLimitMinutes' does not match the API's schema: 1 is less than 5", "POST", "/api/v1/assessments", acmeManager,
        assessmentBody.copy().put("timeLimitMinutes", 1));
    assertProblem(422, "'languages.0' does not match the API's schema", "POST", "/api/v1/assessments", acmeManager,
        assessmentBody.copy().put("languages", new JsonArray().add("cobol")));
    assertProblem(422, "none of the languages allowed", "POST", "/api/v1/assessments", acmeManager,
        assessmentBody.copy().put("languages", new JsonArray().add("go")));
    assertProblem(422, "'scoring' does not match the API's schema", "POST", "/api/v1/assessments", acmeManager,
        assessmentBody.copy().put("scoring", "worst"));
    assertProblem(400, "unknown field 'owner'", "POST", "/api/v1/assessments", acmeManager,
        assessmentBody.copy().put("owner", "me"));
    assertProblem(422, "email must be an e-mail address", "POST", "/api/v1/assessments/" + assessment
        + "/invitations", acmeManager, new JsonObject().put("email", "not an address"));
    assertProblem(409, "invited to this assessment already", "POST", "/api/v1/assessments/" + assessment
        + "/invitations", acmeManager, new JsonObject().put("email", first.email().toUpperCase()));
    assertProblem(422, "takes [java, python] here, not 'go'", "POST", "/api/v1/attempts/" + first.attempt()
        + "/submissions", first.session(), submission("print(1)\n").put("language", "go"));

    assertThat(new JsonArray(api.call("GET", "/api/v1/assessments", acmeManager, null).body())).hasSize(assessments);
    assertThat(api.call("GET", "/api/v1/staff", acmeAdmin, null).body()).doesNotContain("weak@acme.test",
        "odd@acme.test");
  }

  @Test
  @DisplayName("after five wrong passwords an address may not try again for a while, even with the right one")
  void guessing() throws Exception {
    staff(acmeAdmin, "guessed@acme.test", "author");
    var wrong = new JsonObject().put("email", "guessed@acme.test").put("password", "not the password at all");
    for (int i = 0; i < 5; i++) {
      assertThat(api.call("POST", "/api/v1/sessions", null, wrong).statusCode()).isEqualTo(401);
    }

    var refused = api.call("POST", "/api/v1/sessions", null, wrong.copy().put("password", STAFF_PASSWORD));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(new JsonObject(refused.body()).getString("detail")).contains("5 sign-ins for this address failed");
  }

  @Test
  @DisplayName("a run needs public tests: a concurrency challenge, whose tests are all hidden, is only submitted")
  void nothingToRun() throws Exception {
    var created = new JsonObject(api.call("POST", "/api/v1/assessments", globexManager, new JsonObject()
        .put("name", "Locks").put("challenges", new JsonArray().add("rate-limiter")).put("timeLimitMinutes", 30))
        .body());
    var link = new JsonObject(api.call("POST", "/api/v1/assessments/" + created.getString("id") + "/invitations",
        globexManager, new JsonObject().put("email", "ada@candidates.test")).body());
    var opened = new JsonObject(api.call("POST", "/api/v1/attempts", null,
        new JsonObject().put("token", link.getString("token"))).body());
    var run = new JsonObject().put("challenge", "rate-limiter").put("language", "java").put("files",
        new JsonObject().put("ratelimit/TokenBuckets.java", "package ratelimit; class X {}"));

    assertProblem(422, "has no public tests to run", "POST", "/api/v1/attempts/"
        + opened.getJsonObject("attempt").getString("id") + "/runs", opened.getString("token"), run);
  }

  private static String staff(String adminSession, String email, String role) throws Exception {
    return api.addStaff(adminSession, email, role, STAFF_PASSWORD);
  }

  private static JsonObject invite(String email) throws Exception {
    var response = api.call("POST", "/api/v1/assessments/" + assessment + "/invitations", acmeManager,
        new JsonObject().put("email", email));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }

  private static Candidate open(String email) throws Exception {
    var invited = invite(email);
    var response = api.call("POST", "/api/v1/attempts", null, new JsonObject().put("token", invited.getString("token")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    var body = new JsonObject(response.body());
    return new Candidate(email, body.getJsonObject("attempt").getString("id"), body.getString("token"));
  }

  @Test
  @DisplayName("a candidate's draft is saved for their attempt's challenges only, the last save winning")
  void drafts() throws Exception {
    var candidate = open("sixth@candidates.test");
    String drafts = "/api/v1/attempts/" + candidate.attempt() + "/drafts";
    assertThat(api.call("PUT", drafts + "/" + CHALLENGE, candidate.session(), draft("print('first')\n"))
        .statusCode()).isEqualTo(204);
    assertThat(api.call("PUT", drafts + "/" + CHALLENGE, candidate.session(), draft(""))
        .statusCode()).as("an emptied editor is a draft too").isEqualTo(204);
    assertRefused(404, "PUT", drafts + "/short-links", candidate.session(), draft("x"));
    assertProblem(422, "relative path", "PUT", drafts + "/" + CHALLENGE, candidate.session(),
        new JsonObject().put("language", "python").put("files", new JsonObject().put("../main.py", "x")));

    var saved = new JsonArray(api.call("GET", drafts, candidate.session(), null).body());
    assertThat(saved).hasSize(1);
    assertThat(saved.getJsonObject(0).getString("challenge")).isEqualTo(CHALLENGE);
    assertThat(saved.getJsonObject(0).getJsonObject("files").getString("main.py")).isEmpty();
  }

  private static JsonObject draft(String code) {
    return new JsonObject().put("language", "python").put("files", new JsonObject().put("main.py", code));
  }

  private static JsonObject submission(String code) {
    return new JsonObject().put("challenge", CHALLENGE).put("language", "python")
        .put("files", new JsonObject().put("main.py", code));
  }

  private static HttpResponse<String> submit(Candidate candidate, String code) throws Exception {
    return api.call("POST", "/api/v1/attempts/" + candidate.attempt() + "/submissions", candidate.session(),
        submission(code));
  }

  private static void assertRefused(int status, String method, String path, String token, JsonObject body)
      throws IOException, InterruptedException {
    var response = api.call(method, path, token, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static void assertProblem(int status, String detail, String method, String path, String token,
                                    JsonObject body) throws IOException, InterruptedException {
    var response = api.call(method, path, token, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    assertThat(new JsonObject(response.body()).getString("detail")).contains(detail);
  }
}
