package dev.gauntlet.platform.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.testcontainers.postgresql.PostgreSQLContainer;

@DisplayName("Repositories on PostgreSQL")
class PostgresRepositoriesIT extends RepositoryContract {
  private static PostgreSQLContainer postgres;
  private static Database database;

  @BeforeAll
  static void open() {
    postgres = PostgresFixture.start();
    database = Database.open(PostgresFixture.settings(postgres), null);
  }

  @AfterAll
  static void close() {
    if (database != null) {
      database.close();
    }
    if (postgres != null) {
      postgres.stop();
    }
  }

  @Override
  Database database() {
    return database;
  }
}
