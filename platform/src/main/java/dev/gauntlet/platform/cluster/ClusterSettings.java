package dev.gauntlet.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * The Hazelcast member configuration of a single-machine cluster: bound to loopback, members found
 * by a TCP-IP list rather than multicast, nothing phoned home. Starts from Vert.x's own cluster
 * configuration, which declares the maps its event bus needs.
 */
public final class ClusterSettings {
  private static final String LOOPBACK = "127.0.0.1";

  private ClusterSettings() {
  }

  public static Config loopback(String clusterName) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    var network = config.getNetworkConfig();
    network.setPort(5701).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(LOOPBACK);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember(LOOPBACK);
    return config;
  }
}
