package dev.gauntlet.platform.storage;

import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.image.RuntimeImages;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL for tests, from the project's own image: no registry can be reached to pull the
 * official one, and ours keeps its contract.
 */
public final class PostgresFixture {
  private PostgresFixture() {
  }

  /** A started server with an empty database; the caller stops it. */
  public static PostgreSQLContainer start() {
    DockerFixture.docker();
    var image = DockerImageName.parse(RuntimeImages.imageFor(RuntimeImages.POSTGRES)).asCompatibleSubstituteFor("postgres");
    var postgres = new PostgreSQLContainer(image).withDatabaseName("gauntlet").withUsername("gauntlet")
        .withPassword("it-" + Long.toHexString(System.nanoTime()));
    postgres.start();
    return postgres;
  }

  public static DatabaseSettings settings(PostgreSQLContainer postgres) {
    return new DatabaseSettings(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
  }
}
