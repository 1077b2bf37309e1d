package dev.gauntlet.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hazelcast member settings")
class ClusterSettingsTest {
  @Test
  @DisplayName("find members from the fixed list, by address, with no multicast")
  void memberList() {
    var config = new ClusterSettings("c", "127.0.0.1", 5701, List.of("10.0.0.5:5701", "10.0.0.6", "localhost:5702"), 0)
        .hazelcastConfig();

    var join = config.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).as("host names resolved: Hazelcast joins no member known by name")
        .containsExactly("10.0.0.5:5701", "10.0.0.6", "127.0.0.1:5702");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
  }

  @Test
  @DisplayName("find members through a headless Service's DNS name on Kubernetes, instead of the list")
  void kubernetes() {
    var config = new ClusterSettings("c", "127.0.0.1", 5701, List.of("127.0.0.1"), 5801,
        "gauntlet-cluster.gauntlet.svc.cluster.local").hazelcastConfig();

    var join = config.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(join.getKubernetesConfig().getProperty("service-dns")).isEqualTo("gauntlet-cluster.gauntlet.svc.cluster.local");
    assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5701");
  }

  @Test
  @DisplayName("bind to the address a host name resolves to, as a container's own name in Compose")
  void hostName() {
    var config = new ClusterSettings("c", "localhost", 5701, List.of("localhost"), 0).hazelcastConfig();

    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
  }
}
