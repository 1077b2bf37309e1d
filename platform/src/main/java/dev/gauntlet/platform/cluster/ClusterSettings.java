package dev.gauntlet.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hazelcast member configuration: bound to one address, members found from a TCP-IP list
 * rather than multicast, nothing phoned home. Starts from Vert.x's own cluster configuration, which
 * declares the maps its event bus needs.
 *
 * @param name              members with another cluster name never join
 * @param host              the address this member binds to and announces, or a host name that
 *                          resolves to it (a container's own name in Compose)
 * @param port              the first port tried; the next free one up to 100 further is taken
 * @param members           where to look for the others: addresses or host names, optionally with
 *                          {@code :port}; one without a port is tried on the whole port range
 * @param busPort           the event bus's own TCP port on {@code host}, which verdicts and progress
 *                          travel over; 0 takes any free port
 * @param kubernetesService a headless Service's DNS name, whose addresses are the members: used
 *                          instead of {@code members} when set, as pods come and go
 */
public record ClusterSettings(String name, String host, int port, List<String> members, int busPort,
                              String kubernetesService) {
  private static final Logger log = LoggerFactory.getLogger(ClusterSettings.class);

  public ClusterSettings {
    members = List.copyOf(members);
  }

  /** Members found from a fixed list. */
  public ClusterSettings(String name, String host, int port, List<String> members, int busPort) {
    this(name, host, port, members, busPort, "");
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
    // Hazelcast matches interfaces by address only.
    network.getInterfaces().setEnabled(true).addInterface(address(host));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (kubernetesService.isBlank()) {
      var tcp = join.getTcpIpConfig().setEnabled(true);
      members.stream().map(ClusterSettings::memberAddress).flatMap(Optional::stream).forEach(tcp::addMember);
    } else {
      // DNS lookup needs no access to the Kubernetes API, so no service account or role either.
      join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", kubernetesService)
          .setProperty("service-port", Integer.toString(port));
    }
    return config;
  }

  /**
   * A member by address: Hazelcast 5.3, bound to an interface by address, joins no member given by
   * name. A name that does not resolve yet (a container not started yet) is left out; that member
   * finds this one.
   */
  private static Optional<String> memberAddress(String member) {
    int colon = member.indexOf(':');
    String host = colon < 0 ? member : member.substring(0, colon);
    String port = colon < 0 ? "" : member.substring(colon);
    var address = resolve(host).map(resolved -> resolved + port);
    if (address.isEmpty()) {
      log.warn("cluster member {} does not resolve to an address yet; it must find this member itself", member);
    }
    return address;
  }

  private static String address(String host) {
    return resolve(host).orElseThrow(() ->
        new IllegalArgumentException("the cluster host " + host + " does not resolve to an address"));
  }

  private static Optional<String> resolve(String host) {
    try {
      return Optional.of(InetAddress.getByName(host).getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
