package dev.gauntlet.platform.storage;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Repositories on the embedded H2 database")
class H2RepositoriesTest extends RepositoryContract {
  @TempDir
  static Path dataDir;
  private static Database database;

  @BeforeAll
  static void open() throws IOException {
    database = Database.open(DatabaseSettings.embedded(), dataDir);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Override
  Database database() {
    return database;
  }
}
