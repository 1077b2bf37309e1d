package dev.gauntlet.platform;

import dev.gauntlet.platform.account.AdminCommand;
import dev.gauntlet.platform.cluster.ClusterSettings;
import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.storage.Database;
import dev.gauntlet.platform.storage.DatabaseSettings;
import dev.gauntlet.runner.docker.DockerFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
  /** The password of every admin that {@link #withAdmins} makes. */
  static final String ADMIN_PASSWORD = "admin password for tests";

  private final int maxQueue;
  private final Role role;
  private final List<String> admins;
  private Path dataDir;
  private PlatformApp app;
  private ApiClient api;

  RunningPlatform() {
    this(500);
  }

  /** A platform that turns submissions away once {@code maxQueue} wait for a verdict. */
  RunningPlatform(int maxQueue) {
    this(maxQueue, Role.UP, List.of());
  }

  private RunningPlatform(int maxQueue, Role role, List<String> admins) {
    this.maxQueue = maxQueue;
    this.role = role;
    this.admins = admins;
  }

  /** The platform without a runner: nothing is judged, and no Docker is needed. */
  static RunningPlatform withoutRunner() {
    return new RunningPlatform(500, Role.PLATFORM, List.of());
  }

  /**
   * The same platform with an organisation for each address, named after its domain, whose admin
   * it is, made by {@code ./gauntlet admin create} before the start.
   */
  RunningPlatform withAdmins(String... emails) {
    return new RunningPlatform(maxQueue, role, List.of(emails));
  }

  static PlatformApp start(Path dataDir) throws Exception {
    DockerFixture.docker();
    return PlatformApp.start(config(dataDir, 500), Role.UP);
  }

  /** Settings for a test: loopback, a free HTTP port, a cluster of its own, a short lease. */
  static PlatformConfig config(Path dataDir, int maxQueue) {
    return new PlatformConfig("127.0.0.1", 0, dataDir, DatabaseSettings.embedded(), ApiClient.CATALOG,
        new ClusterSettings("it-" + UUID.randomUUID(), "127.0.0.1", 5701, List.of("127.0.0.1"), 0), 1, maxQueue, 2,
        Duration.ofSeconds(30), "", "", "");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("gauntlet-it");
    for (String email : admins) {
      int status = AdminCommand.run(new String[] {"create", "--email", email, "--organisation",
          email.substring(email.indexOf('@') + 1), "--data-dir", dataDir.toString()}, Map.of(),
          ADMIN_PASSWORD::toCharArray, System.out, System.err);
      if (status != 0) {
        throw new IllegalStateException("admin create " + email + " ended " + status);
      }
    }
    if (role.judges()) {
      DockerFixture.docker();
    }
    app = PlatformApp.start(config(dataDir, maxQueue), role);
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

  /** The platform's embedded database, opened beside it in this JVM, for what a test must set up by hand. */
  Database database() {
    return Database.open(DatabaseSettings.embedded(), dataDir);
  }

  int port() {
    return app.port();
  }

  /** The warm pool's containers waiting for a run: the only sandboxes that may exist between runs. */
  Set<String> idleSandboxes() {
    return app.idleSandboxes();
  }
}
