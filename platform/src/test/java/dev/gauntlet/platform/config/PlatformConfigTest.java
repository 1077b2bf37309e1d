package dev.gauntlet.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.platform.cluster.ClusterSettings;
import dev.gauntlet.platform.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Platform settings")
class PlatformConfigTest {
  @Test
  @DisplayName("default to loopback, port 8080 and ./data")
  void defaults() {
    var config = PlatformConfig.from(new String[0], Map.of());

    assertThat(config).isEqualTo(new PlatformConfig("127.0.0.1", 8080, Path.of("data"),
        new DatabaseSettings("", "gauntlet", ""), Path.of("challenges"),
        new ClusterSettings("gauntlet", "127.0.0.1", 5701, List.of("127.0.0.1"), 0, ""), 1, 500, 2,
        Duration.ofSeconds(30), "", "", ""));
  }

  @Test
  @DisplayName("take flags over environment variables")
  void precedence() {
    var config = PlatformConfig.from(new String[] {"--port", "9000", "--max-queue", "7"},
        Map.of("GAUNTLET_PORT", "8081", "GAUNTLET_DATA_DIR", "/var/lib/gauntlet"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.maxQueue()).isEqualTo(7);
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/gauntlet"));
  }

  @Test
  @DisplayName("read the cluster's members as a comma-separated list")
  void members() {
    var config = PlatformConfig.from(new String[] {"--members", "10.0.0.5:5701, 10.0.0.6", "--cluster-host", "10.0.0.4"},
        Map.of("GAUNTLET_LEASE_SECONDS", "12"));

    assertThat(config.cluster().members()).containsExactly("10.0.0.5:5701", "10.0.0.6");
    assertThat(config.cluster().host()).isEqualTo("10.0.0.4");
    assertThat(config.lease()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  @DisplayName("take PostgreSQL's password from the environment only, and never show it")
  void database() {
    var config = PlatformConfig.from(new String[] {"--database-url", "jdbc:postgresql://db:5432/gauntlet"},
        Map.of("GAUNTLET_DATABASE_USER", "judge", "GAUNTLET_DATABASE_PASSWORD", "s3cret-pass"));

    assertThat(config.database()).isEqualTo(
        new DatabaseSettings("jdbc:postgresql://db:5432/gauntlet", "judge", "s3cret-pass"));
    assertThat(config.toString()).contains("jdbc:postgresql://db:5432/gauntlet as judge").doesNotContain("s3cret");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--database-password", "x"}, Map.of()))
        .hasMessageStartingWith("unknown option --database-password");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--database-url", "jdbc:mysql://db/gauntlet"}, Map.of()))
        .hasMessage("the database URL must start with jdbc:postgresql:// (or be left out for the embedded database),"
            + " was 'jdbc:mysql://db/gauntlet'");
    assertThatThrownBy(() -> PlatformConfig.from(
        new String[] {"--database-url", "jdbc:postgresql://db/gauntlet?user=g&Password=hunter2"}, Map.of()))
        .hasMessageStartingWith("put the database password in GAUNTLET_DATABASE_PASSWORD, not in the URL")
        .message().doesNotContain("hunter2");
  }

  @Test
  @DisplayName("refuse what cannot work, saying why")
  void refuses() {
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--prot", "1"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("unknown option --prot; known: [--host, --port");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--port"}, Map.of()))
        .hasMessage("--port needs a value");
    assertThatThrownBy(() -> PlatformConfig.from(new String[0], Map.of("GAUNTLET_PORT", "eighty")))
        .hasMessage("--port must be a whole number, was 'eighty'");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--port", "70000"}, Map.of()))
        .hasMessage("port must be between 0 and 65535, was 70000");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--slots", "0"}, Map.of()))
        .hasMessage("slots must be between 1 and 64, was 0");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--lease-seconds", "1"}, Map.of()))
        .hasMessage("lease must be between 3 and 3600 seconds, was 1");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--members", " , "}, Map.of()))
        .hasMessage("host, cluster name, cluster host and members must not be blank");
    assertThatThrownBy(() -> PlatformConfig.from(new String[] {"--public-url", "gauntlet.example.com"}, Map.of()))
        .hasMessage("the public URL must be http:// or https:// and a host, without a query, was"
            + " 'gauntlet.example.com'");
    assertThatThrownBy(() -> PlatformConfig.from(new String[0], Map.of("GAUNTLET_SESSION_KEY", "short")))
        .hasMessage("GAUNTLET_SESSION_KEY must have at least 32 characters");
  }

  @Test
  @DisplayName("keep the public URL for the links they hand out, without a trailing slash")
  void publicUrl() {
    var config = PlatformConfig.from(new String[] {"--public-url", "https://hire.example.com/gauntlet/"}, Map.of());

    assertThat(config.publicUrl()).isEqualTo("https://hire.example.com/gauntlet");
  }
}
