package dev.gauntlet.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.platform.config.PlatformConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The files under deploy/ can only be tried on a real host or cluster; this keeps them in step with the code. */
@DisplayName("The deployment files")
class DeployFilesTest {
  private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
  private static final Pattern SETTING = Pattern.compile("GAUNTLET_[A-Z_]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("name only environment variables that the platform reads")
  void knownSettings() throws IOException {
    var named = new TreeSet<String>();
    for (Path file : List.of(DEPLOY.resolve("Dockerfile"), DEPLOY.resolve("compose.yaml"),
        DEPLOY.resolve("kubernetes/gauntlet.yaml"))) {
      SETTING.matcher(Files.readString(file)).results().forEach(match -> named.add(match.group()));
    }

    assertThat(named).isNotEmpty();
    assertThat(PlatformConfig.environmentVariables()).containsAll(named);
  }

  @Test
  @DisplayName("compose a platform, two runners and PostgreSQL, and give only the runners the engine's socket")
  void compose() throws IOException {
    JsonNode services = read("compose.yaml").getFirst().path("services");

    assertThat(services.properties()).extracting(e -> e.getKey())
        .containsExactlyInAnyOrder("postgres", "platform", "runner-1", "runner-2");
    for (String runner : List.of("runner-1", "runner-2")) {
      assertThat(services.path(runner).path("command").toString()).isEqualTo("[\"runner\"]");
      assertThat(services.path(runner).path("volumes").toString()).contains("/var/run/docker.sock");
    }
    assertThat(services.path("platform").toString()).doesNotContain("docker.sock");
    assertThat(services.path("platform").path("environment").path("GAUNTLET_DATABASE_URL").asText())
        .startsWith("jdbc:postgresql://postgres:5432/");
  }

  @Test
  @DisplayName("deploy platforms and a runner per node on Kubernetes, finding each other through the headless Service")
  void kubernetes() throws IOException {
    var kinds = new ArrayList<String>();
    var headless = new ArrayList<String>();
    var discovered = new ArrayList<String>();
    for (JsonNode doc : read("kubernetes/gauntlet.yaml")) {
      kinds.add(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText());
      if (doc.path("spec").path("clusterIP").asText().equals("None")) {
        headless.add(doc.path("metadata").path("name").asText());
      }
      for (JsonNode env : doc.findValues("env")) {
        env.forEach(variable -> {
          if (variable.path("name").asText().equals("GAUNTLET_KUBERNETES_SERVICE")) {
            discovered.add(variable.path("value").asText());
          }
        });
      }
    }

    assertThat(kinds).containsExactly("Service/gauntlet-cluster", "NetworkPolicy/gauntlet-cluster", "Service/gauntlet",
        "Deployment/gauntlet-platform", "DaemonSet/gauntlet-runner");
    assertThat(discovered).hasSize(2).allMatch(headless::contains);
  }

  /** Through SnakeYAML itself, which resolves the merge keys ({@code <<: *runner}) that Compose files use. */
  private static List<JsonNode> read(String file) throws IOException {
    var docs = new ArrayList<JsonNode>();
    try (var in = Files.newBufferedReader(DEPLOY.resolve(file))) {
      for (Object doc : new Yaml().loadAll(in)) {
        if (doc != null) {
          docs.add(JSON.valueToTree(doc));
        }
      }
    }
    return docs;
  }
}
