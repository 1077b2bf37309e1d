package dev.gauntlet.platform.config;

import dev.gauntlet.platform.auth.AuthorToken;
import dev.gauntlet.platform.auth.SessionTokens;
import dev.gauntlet.platform.cluster.ClusterSettings;
import dev.gauntlet.platform.storage.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one platform process runs. Each setting comes from a flag, else an environment variable,
 * else a default that suits a laptop: loopback only, data under {@code ./data}.
 *
 * @param host        HTTP bind address
 * @param port        HTTP port; 0 picks a free one
 * @param dataDir     the embedded H2 database, the author token and the runner's package cache live here
 * @param database    PostgreSQL, or the embedded H2 database
 * @param challenges  the catalog folder, one package per sub-folder
 * @param cluster     how this process finds and joins the Hazelcast cluster
 * @param slots       submissions a runner judges at once
 * @param maxQueue    unfinished submissions accepted before new ones are turned away with 503
 * @param warmPool    sandboxes kept started ahead of need for each shape of run in use; 0 turns the pool off
 * @param lease       how long a runner's claim on a job lasts unless renewed; a dead runner's jobs wait this long
 * @param authorToken what authors send to upload and manage versions; blank: one made and kept in the data folder
 * @param sessionKey  signs session tokens; blank: one made and kept in the data folder. Every platform
 *                    process of a cluster needs the same key, or a session works on one process only
 * @param publicUrl   where people reach the platform, for the links it hands out; blank: where the
 *                    request that asks for a link arrived. Set it behind a proxy that ends TLS
 */
public record PlatformConfig(String host, int port, Path dataDir, DatabaseSettings database, Path challenges,
                             ClusterSettings cluster, int slots,
                             int maxQueue, int warmPool, Duration lease, String authorToken, String sessionKey,
                             String publicUrl) {
  private static final List<Setting> SETTINGS = List.of(
      new Setting("--host", "GAUNTLET_HOST", "127.0.0.1"),
      new Setting("--port", "GAUNTLET_PORT", "8080"),
      new Setting("--data-dir", "GAUNTLET_DATA_DIR", "data"),
      new Setting("--database-url", "GAUNTLET_DATABASE_URL", ""),
      new Setting("--database-user", "GAUNTLET_DATABASE_USER", "gauntlet"),
      new Setting("--challenges", "GAUNTLET_CHALLENGES", "challenges"),
      new Setting("--cluster-name", "GAUNTLET_CLUSTER_NAME", "gauntlet"),
      new Setting("--cluster-host", "GAUNTLET_CLUSTER_HOST", "127.0.0.1"),
      new Setting("--cluster-port", "GAUNTLET_CLUSTER_PORT", "5701"),
      new Setting("--members", "GAUNTLET_MEMBERS", "127.0.0.1"),
      new Setting("--bus-port", "GAUNTLET_BUS_PORT", "0"),
      new Setting("--kubernetes-service", "GAUNTLET_KUBERNETES_SERVICE", ""),
      new Setting("--lease-seconds", "GAUNTLET_LEASE_SECONDS", "30"),
      new Setting("--slots", "GAUNTLET_SLOTS", "1"),
      new Setting("--max-queue", "GAUNTLET_MAX_QUEUE", "500"),
      new Setting("--warm-pool", "GAUNTLET_WARM_POOL", "2"),
      new Setting("--author-token", "GAUNTLET_AUTHOR_TOKEN", ""),
      new Setting("--public-url", "GAUNTLET_PUBLIC_URL", ""));

  /** Not a flag: a command line is readable by every user of the machine. */
  public static final String DATABASE_PASSWORD_ENV = "GAUNTLET_DATABASE_PASSWORD";
  /** Not a flag, for the same reason. */
  public static final String SESSION_KEY_ENV = "GAUNTLET_SESSION_KEY";

  public PlatformConfig {
    if (!database.isEmbedded() && !database.url().startsWith(DatabaseSettings.POSTGRES_PREFIX)) {
      throw new ConfigException("the database URL must start with " + DatabaseSettings.POSTGRES_PREFIX
          + " (or be left out for the embedded database), was '" + database.url() + "'");
    }
    if (database.url().toLowerCase(Locale.ROOT).contains("password=")) {
      throw new ConfigException("put the database password in " + DATABASE_PASSWORD_ENV + ", not in the URL,"
          + " which is logged and shown by ps");
    }
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
    if (cluster.port() < 1 || cluster.port() > 65_535) {
      throw new ConfigException("cluster port must be between 1 and 65535, was " + cluster.port());
    }
    if (cluster.busPort() < 0 || cluster.busPort() > 65_535) {
      throw new ConfigException("bus port must be between 0 and 65535, was " + cluster.busPort());
    }
    if (lease.toSeconds() < 3 || lease.toSeconds() > 3_600) {
      throw new ConfigException("lease must be between 3 and 3600 seconds, was " + lease.toSeconds());
    }
    if (!authorToken.isBlank() && authorToken.strip().length() < AuthorToken.MIN_LENGTH) {
      throw new ConfigException("the author token must have at least " + AuthorToken.MIN_LENGTH + " characters");
    }
    if (!sessionKey.isBlank() && sessionKey.strip().length() < SessionTokens.MIN_KEY_LENGTH) {
      throw new ConfigException(SESSION_KEY_ENV + " must have at least " + SessionTokens.MIN_KEY_LENGTH + " characters");
    }
    if (!publicUrl.isBlank() && !publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
      throw new ConfigException("the public URL must be http:// or https:// and a host, without a query, was '"
          + publicUrl + "'");
    }
    publicUrl = publicUrl.strip().replaceAll("/+$", "");
    if (host.isBlank() || cluster.name().isBlank() || cluster.host().isBlank() || cluster.members().isEmpty()) {
      throw new ConfigException("host, cluster name, cluster host and members must not be blank");
    }
  }

  /** Says whether an author token is set, never the token. */
  @Override
  public String toString() {
    return "PlatformConfig[host=%s, port=%d, dataDir=%s, database=%s, challenges=%s, cluster=%s, slots=%d, maxQueue=%d,"
        .formatted(host, port, dataDir, database, challenges, cluster, slots, maxQueue)
        + " warmPool=%d, lease=%s, authorToken=%s".formatted(warmPool, lease,
            authorToken.isBlank() ? "(kept in the data folder)" : "(set)")
        + ", sessionKey=" + (sessionKey.isBlank() ? "(kept in the data folder)" : "(set)")
        + ", publicUrl=" + (publicUrl.isBlank() ? "(from each request)" : publicUrl) + "]";
  }

  /** Every environment variable a setting is read from. */
  public static Set<String> environmentVariables() {
    var names = new TreeSet<String>();
    SETTINGS.forEach(setting -> names.add(setting.env()));
    names.add(DATABASE_PASSWORD_ENV);
    names.add(SESSION_KEY_ENV);
    return names;
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
    var members = Arrays.stream(values.get("--members").split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
    var cluster = new ClusterSettings(values.get("--cluster-name"), values.get("--cluster-host"),
        integer(values, "--cluster-port"), members, integer(values, "--bus-port"),
        values.get("--kubernetes-service").strip());
    var database = new DatabaseSettings(values.get("--database-url").strip(), values.get("--database-user"),
        env.getOrDefault(DATABASE_PASSWORD_ENV, ""));
    return new PlatformConfig(values.get("--host"), integer(values, "--port"), Path.of(values.get("--data-dir")),
        database, Path.of(values.get("--challenges")), cluster, integer(values, "--slots"), integer(values, "--max-queue"),
        integer(values, "--warm-pool"), Duration.ofSeconds(integer(values, "--lease-seconds")),
        values.get("--author-token"), env.getOrDefault(SESSION_KEY_ENV, ""), values.get("--public-url"));
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
