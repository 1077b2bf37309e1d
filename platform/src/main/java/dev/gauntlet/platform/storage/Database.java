package dev.gauntlet.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The platform's SQL database: a connection pool, migrated by Flyway before anything uses it. */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /** PostgreSQL when the settings name one, else the embedded default: an H2 file database in the data folder. */
  public static Database open(DatabaseSettings settings, Path dataDir) {
    return settings.isEmbedded()
        ? open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gauntlet") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "")
        : open(settings.url(), settings.user(), settings.password());
  }

  private static Database open(String jdbcUrl, String user, String password) {
    var config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    config.setPoolName("gauntlet-db");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StorageException("cannot open the database " + jdbcUrl + ": " + cause.getMessage(), e);
    }
    try {
      Flyway.configure().dataSource(pool).load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
