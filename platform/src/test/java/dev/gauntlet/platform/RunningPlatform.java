package dev.gauntlet.platform;

import dev.gauntlet.platform.cluster.ClusterSettings;
import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.storage.DatabaseSettings;
import dev.gauntlet.runner.docker.DockerFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform for a test class: free port, its own data folder and its own cluster name,
 * so test classes never see each other's members or data.
 */
final class RunningPlatform implements BeforeAllCallback, AfterAllCallback {
  private final int maxQueue;
  private Path dataDir;
  private PlatformApp app;
  private ApiClient api;

  RunningPlatform() {
    this(500);
  }

  /** A platform that turns submissions away once {@code maxQueue} wait for a verdict. */
  RunningPlatform(int maxQueue) {
    this.maxQueue = maxQueue;
  }

  static PlatformApp start(Path dataDir) throws Exception {
    return start(dataDir, 500);
  }

  private static PlatformApp start(Path dataDir, int maxQueue) throws Exception {
    DockerFixture.docker();
    return PlatformApp.start(config(dataDir, maxQueue), Role.UP);
  }

  /** Settings for a test: loopback, a free HTTP port, a cluster of its own, a short lease. */
  static PlatformConfig config(Path dataDir, int maxQueue) {
    return new PlatformConfig("127.0.0.1", 0, dataDir, DatabaseSettings.embedded(), ApiClient.CATALOG,
        new ClusterSettings("it-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of("127.0.0.1"), 0), 1, maxQueue, 2,
        Duration.ofSeconds(30), "");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("gauntlet-it");
    app = start(dataDir, maxQueue);
    api = new ApiClient(app.port());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    app.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The token the platform made for authors in its data folder. */
  String authorToken() throws IOException {
    return Files.readString(dataDir.resolve("author-token")).strip();
  }

  ApiClient api() {
    return api;
  }

  int port() {
    return app.port();
  }

  /** The warm pool's containers waiting for a run: the only sandboxes that may exist between runs. */
  Set<String> idleSandboxes() {
    return app.idleSandboxes();
  }
}
