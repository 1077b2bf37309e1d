package dev.gauntlet.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gauntlet.platform.account.AccountRoutes;
import dev.gauntlet.platform.assessment.AssessmentRoutes;
import dev.gauntlet.platform.attempt.AttemptRoutes;
import dev.gauntlet.platform.attempt.AttemptSubmissionRoutes;
import dev.gauntlet.platform.attempt.DraftRoutes;
import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.challenge.ChallengeRoutes;
import dev.gauntlet.platform.similarity.SimilarityRoutes;
import dev.gauntlet.platform.submission.SubmissionEvents;
import dev.gauntlet.platform.submission.SubmissionRoutes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The OpenAPI document says what the server does")
class OpenApiDocumentTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static Vertx vertx;
  private static JsonNode document;

  @BeforeAll
  static void read() throws IOException {
    vertx = Vertx.vertx();
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
      document = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @AfterAll
  static void close() {
    vertx.close();
  }

  @Test
  @DisplayName("it lists every problem type the server answers with, and no other")
  void problemTypes() {
    var documented = StreamSupport.stream(document.at("/components/schemas/Problem/properties/type/enum").spliterator(),
        false).map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));

    assertThat(documented).containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemType.values())
        .map(type -> Problem.of(type, "", "").type()).toList());
  }

  @Test
  @DisplayName("it describes every route the server mounts under /api/v1, with its method, and no other")
  void routes() {
    // The handlers never run here; only the routes they mount are read.
    var router = Router.router(vertx);
    new ChallengeRoutes(vertx, null, null, null, null, null).mount(router);
    new SubmissionRoutes(vertx, null, null, null, null, null).mount(router);
    new SubmissionEvents(vertx, null).mount(router);
    var access = new Access(null, null);
    new AccountRoutes(vertx, null, null, access, null, null).mount(router);
    new AssessmentRoutes(vertx, null, null, null, null, access, "", null).mount(router);
    new SimilarityRoutes(vertx, null, null, null, null, access).mount(router);
    new AttemptRoutes(vertx, null, null, null, null, null, null, access, null).mount(router);
    new AttemptSubmissionRoutes(vertx, null, null, null, null, null, null, access, null, null).mount(router);
    new DraftRoutes(vertx, null, null, access, null).mount(router);
    var mounted = new TreeSet<String>();
    for (Route route : router.getRoutes()) {
      route.methods().forEach(method -> mounted.add(method.name().toLowerCase() + " "
          + route.getPath().replaceAll(":([a-z]+)", "{$1}")));
    }
    mounted.add("get /api/v1/openapi.yaml");

    var documented = new TreeSet<String>();
    document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
        .filter(operation -> METHODS.contains(operation.getKey()))
        .forEach(operation -> documented.add(operation.getKey() + " " + path.getKey())));

    assertThat(documented).containsExactlyInAnyOrderElementsOf(mounted);
  }
}
