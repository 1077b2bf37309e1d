package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Bad requests get a problem document, never a 500")
class ApiErrorsIT {
  @RegisterExtension
  static final RunningPlatform PLATFORM = new RunningPlatform();
  private final ApiClient api = PLATFORM.api();

  private static JsonObject problem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    var problem = new JsonObject(response.body());
    assertThat(problem.getString("type")).isEqualTo("https://gauntlet.dev/problems/" + type);
    assertThat(problem.getInteger("status")).isEqualTo(status);
    return problem;
  }

  private HttpResponse<String> submit(String body) throws Exception {
    return api.post("/api/v1/submissions", "application/json", body);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      garbage                 | {garbage                                                                        | malformed-json     | line 1, column 2
      empty body              | ''                                                                              | malformed-json     | no body
      an array                | []                                                                              | malformed-json     | the body must be a JSON object
      unknown field           | {"challenge":"merge-event-streams","lang":"python","files":{}}                  | malformed-json     | unknown field 'lang'
      files not an object     | {"challenge":"merge-event-streams","language":"python","files":"x"}             | malformed-json     | 'files' must be a JSON object
      missing language        | {"challenge":"merge-event-streams","files":{"main.py":"print(1)"}}              | invalid-submission | required property "language"
      unknown challenge       | {"challenge":"nope","language":"python","files":{"main.py":"print(1)"}}         | invalid-submission | unknown challenge 'nope'
      unknown language        | {"challenge":"merge-event-streams","language":"cobol","files":{"main.py":"x"}}  | invalid-submission | 'language' does not match
      no files                | {"challenge":"merge-event-streams","language":"python","files":{}}              | invalid-submission | at least 1 properties
      empty file              | {"challenge":"merge-event-streams","language":"python","files":{"main.py":" "}} | invalid-submission | 'files.main.py' does not match
      path climbing out       | {"challenge":"merge-event-streams","language":"python","files":{"../main.py":"x"}} | invalid-submission | relative path
      no entry file           | {"challenge":"merge-event-streams","language":"python","files":{"app.py":"x"}}  | invalid-submission | needs main.py
      """)
  @DisplayName("a malformed or invalid submission is refused with a reason")
  void refused(String name, String body, String type, String reason) throws Exception {
    var response = submit(body);
    var problem = problem(response, "malformed-json".equals(type) ? 400 : 422, type);
    assertThat(problem.getString("detail")).contains(reason);
  }

  @Test
  @DisplayName("a file over 128 KiB is refused, and a body over 512 KiB is refused before it is read")
  void tooLarge() throws Exception {
    String big = "#".repeat(129 * 1024);
    var oneFile = submit(new JsonObject().put("challenge", "merge-event-streams").put("language", "python")
        .put("files", new JsonObject().put("main.py", big)).encode());
    assertThat(problem(oneFile, 422, "invalid-submission").getString("detail")).contains("limit is 131072");

    var body = submit(new JsonObject().put("challenge", "merge-event-streams").put("language", "python")
        .put("files", new JsonObject().put("main.py", "#".repeat(600 * 1024))).encode());
    problem(body, 413, "body-too-large");
  }

  @Test
  @DisplayName("a body that is not JSON is refused by media type")
  void notJson() throws Exception {
    problem(api.post("/api/v1/submissions", "text/plain", "print(1)"), 415, "unsupported-media-type");
  }

  @Test
  @DisplayName("unknown submissions, challenges and paths are 404 problems")
  void notFound() throws Exception {
    problem(api.get("/api/v1/submissions/" + UUID.randomUUID()), 404, "not-found");
    problem(api.get("/api/v1/challenges/nope"), 404, "not-found");
    problem(api.get("/api/v2/anything"), 404, "not-found");
  }

  @Test
  @DisplayName("serves its OpenAPI document")
  void openapi() throws Exception {
    var response = api.get("/api/v1/openapi.yaml");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("openapi: 3.1.0", "/api/v1/submissions/{id}");
  }
}
