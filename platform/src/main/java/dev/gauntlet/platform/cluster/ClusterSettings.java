package dev.gauntlet.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.List;

/**
 * The Hazelcast member configuration: bound to one address, members found from a TCP-IP list
 * rather than multicast, nothing phoned home. Starts from Vert.x's own cluster configuration, which
 * declares the maps its event bus needs.
 *
 * @param name    members with another cluster name never join
 * @param host    the address this member binds to and announces
 * @param port    the first port tried; the next free one up to 100 further is taken
 * @param members where to look for the others: addresses, optionally with {@code :port}; an
 *                address without a port is tried on the whole port range
 * @param busPort the event bus's own TCP port on {@code host}, which verdicts and progress travel
 *                over; 0 takes any free port
 */
public record ClusterSettings(String name, String host, int port, List<String> members, int busPort) {
  public ClusterSettings {
    members = List.copyOf(members);
  }

  public Config hazelcastConfig() {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(name);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    var network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    var tcp = join.getTcpIpConfig().setEnabled(true);
    members.forEach(tcp::addMember);
    return config;
  }
}
