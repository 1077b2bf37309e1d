package dev.gauntlet.runner.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.PackageException;
import dev.gauntlet.runner.challenge.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Packages through the cluster, on a real Hazelcast member")
class PackageDistributionIT {
  private static final Path CATALOG = Path.of("..", "challenges").toAbsolutePath().normalize();
  private static HazelcastInstance member;

  @TempDir
  Path cache;

  @BeforeAll
  static void start() {
    var config = new Config().setClusterName("packages-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    var network = config.getNetworkConfig().setPort(5851).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    member = Hazelcast.newHazelcastInstance(config);
  }

  @AfterAll
  static void stop() {
    member.shutdown();
  }

  @Test
  @DisplayName("a runner gets the platform's package by its hash, the same content, and caches it on disk")
  void publishedFetchedCached() {
    var published = Catalog.load(CATALOG).find("merge-event-streams").orElseThrow();
    var store = new PackageStore(member);
    var archive = PackageArchive.of(CATALOG.resolve("merge-event-streams"));
    store.publish(archive);
    String hash = archive.hash();
    assertThat(store.contains(hash)).isTrue();

    var fetched = new PackageCache(store, cache).get(hash);
    assertThat(fetched.manifest()).isEqualTo(published.manifest());
    assertThat(fetched.tests()).extracting(TestCase::name)
        .containsExactlyElementsOf(published.tests().stream().map(TestCase::name).toList());

    member.getMap(PackageStore.MAP_NAME).clear();
    assertThat(new PackageCache(store, cache).get(hash).manifest()).as("served from the cache folder")
        .isEqualTo(published.manifest());
  }

  @Test
  @DisplayName("the same folder always archives to the same hash, and bytes that do not match their hash are refused")
  void contentAddressed() {
    var archive = PackageArchive.of(CATALOG.resolve("latency-percentiles"));
    assertThat(PackageArchive.of(CATALOG.resolve("latency-percentiles")).hash()).isEqualTo(archive.hash());

    var store = new PackageStore(member);
    member.<String, byte[]>getMap(PackageStore.MAP_NAME).put(archive.hash(),
        PackageArchive.of(CATALOG.resolve("merge-event-streams")).bytes());
    assertThatThrownBy(() -> new PackageCache(store, cache).get(archive.hash()))
        .isInstanceOf(PackageException.class).hasMessageContaining("do not match their hash");
    assertThatThrownBy(() -> new PackageCache(store, cache).get("../../etc"))
        .isInstanceOf(PackageException.class).hasMessageContaining("not a package hash");
  }

  @Test
  @DisplayName("a package folder holding a link or an odd file name cannot be archived, and says which file")
  void links(@TempDir Path folder) throws Exception {
    Path pkg = Files.createDirectories(folder.resolve("linked"));
    Files.writeString(pkg.resolve("challenge.yaml"), "id: linked\n");
    Files.createSymbolicLink(pkg.resolve("secret"), Path.of("/etc/passwd"));

    assertThatThrownBy(() -> PackageArchive.of(pkg)).isInstanceOf(PackageException.class)
        .hasMessage("secret: links are not allowed in a package");

    Files.delete(pkg.resolve("secret"));
    Files.writeString(pkg.resolve("notes (old).txt"), "x");
    assertThatThrownBy(() -> PackageArchive.of(pkg)).isInstanceOf(PackageException.class)
        .hasMessageStartingWith("notes (old).txt: a file name may hold only letters");
  }
}
