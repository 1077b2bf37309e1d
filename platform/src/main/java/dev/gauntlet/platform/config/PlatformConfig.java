package dev.gauntlet.platform.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one platform process runs. Each setting comes from a flag, else an environment variable,
 * else a default that suits a laptop: loopback only, data under {@code ./data}.
 *
 * @param host        HTTP bind address
 * @param port        HTTP port; 0 picks a free one
 * @param dataDir     the H2 database lives here
 * @param challenges  the catalog folder, one package per sub-folder
 * @param clusterName Hazelcast cluster name; members with another name never join
 * @param slots       submissions the in-process runner judges at once
 * @param maxQueue    unfinished submissions accepted before new ones are turned away with 503
 * @param warmPool    sandboxes kept started ahead of need for each shape of run in use; 0 turns the pool off
 */
public record PlatformConfig(String host, int port, Path dataDir, Path challenges, String clusterName, int slots,
                             int maxQueue, int warmPool) {
  private static final List<Setting> SETTINGS = List.of(
      new Setting("--host", "GAUNTLET_HOST", "127.0.0.1"),
      new Setting("--port", "GAUNTLET_PORT", "8080"),
      new Setting("--data-dir", "GAUNTLET_DATA_DIR", "data"),
      new Setting("--challenges", "GAUNTLET_CHALLENGES", "challenges"),
      new Setting("--cluster-name", "GAUNTLET_CLUSTER_NAME", "gauntlet"),
      new Setting("--slots", "GAUNTLET_SLOTS", "1"),
      new Setting("--max-queue", "GAUNTLET_MAX_QUEUE", "500"),
      new Setting("--warm-pool", "GAUNTLET_WARM_POOL", "2"));

  public PlatformConfig {
    if (port < 0 || port > 65_535) {
      throw new ConfigException("port must be between 0 and 65535, was " + port);
    }
    if (slots < 1 || slots > 64) {
      throw new ConfigException("slots must be between 1 and 64, was " + slots);
    }
    if (maxQueue < 1) {
      throw new ConfigException("max queue must be at least 1, was " + maxQueue);
    }
    if (warmPool < 0 || warmPool > 16) {
      throw new ConfigException("warm pool must be between 0 and 16 per shape, was " + warmPool);
    }
    if (host.isBlank() || clusterName.isBlank()) {
      throw new ConfigException("host and cluster name must not be blank");
    }
  }

  /** Reads {@code --name value} flags over environment variables over defaults. */
  public static PlatformConfig from(String[] args, Map<String, String> env) {
    var values = new HashMap<String, String>();
    for (Setting setting : SETTINGS) {
      values.put(setting.flag(), env.getOrDefault(setting.env(), setting.fallback()));
    }
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (!values.containsKey(flag)) {
        throw new ConfigException("unknown option " + flag + "; known: "
            + SETTINGS.stream().map(Setting::flag).toList());
      }
      if (i + 1 == args.length) {
        throw new ConfigException(flag + " needs a value");
      }
      values.put(flag, args[++i]);
    }
    return new PlatformConfig(values.get("--host"), integer(values, "--port"), Path.of(values.get("--data-dir")),
        Path.of(values.get("--challenges")), values.get("--cluster-name"), integer(values, "--slots"),
        integer(values, "--max-queue"), integer(values, "--warm-pool"));
  }

  private static int integer(Map<String, String> values, String flag) {
    try {
      return Integer.parseInt(values.get(flag));
    } catch (NumberFormatException e) {
      throw new ConfigException(flag + " must be a whole number, was '" + values.get(flag) + "'");
    }
  }

  private record Setting(String flag, String env, String fallback) {
  }
}
