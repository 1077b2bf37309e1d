package dev.gauntlet.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.platform.storage.Database;
import dev.gauntlet.platform.storage.DatabaseSettings;
import dev.gauntlet.platform.storage.Sql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("./gauntlet admin create")
class AdminCommandTest {
  private static final String PASSWORD = "a long enough secret";

  @TempDir
  Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  @DisplayName("makes an organisation with its first admin, whose password signs in")
  void creates() {
    assertThat(run(PASSWORD, "create", "--email", "Ada@Example.org", "--organisation", "Acme")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("made organisation 'Acme' with admin ada@example.org");
    try (var database = Database.open(DatabaseSettings.embedded(), dataDir)) {
      var accounts = new StaffAccounts(database.dataSource());
      var admin = accounts.byEmail("ada@example.org").orElseThrow();
      assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
      assertThat(organisationName(database.dataSource(), admin.organisationId())).hasValue("Acme");
      assertThat(new PasswordHasher().matches(PASSWORD.toCharArray(), admin.passwordHash())).isTrue();
    }
  }

  @Test
  @DisplayName("refuses a taken address, leaving no second organisation behind")
  void taken() {
    run(PASSWORD, "create", "--email", "ada@example.org");

    assertThat(run(PASSWORD, "create", "--email", "ADA@example.org", "--organisation", "Other")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "gauntlet: an account with that e-mail address exists already\n");
    try (var database = Database.open(DatabaseSettings.embedded(), dataDir)) {
      var accounts = new StaffAccounts(database.dataSource());
      var admin = accounts.byEmail("ada@example.org").orElseThrow();
      assertThat(organisationName(database.dataSource(), admin.organisationId())).hasValue("Gauntlet");
      assertThat(new Sql(database.dataSource()).query("count", r -> r.getInt(1),
          "select count(*) from organisation")).containsExactly(1);
    }
  }

  @Test
  @DisplayName("says in one line what is wrong with bad input, and stores nothing")
  void badInput() {
    assertThat(run(PASSWORD)).isEqualTo(2);
    assertThat(run(PASSWORD, "create")).isEqualTo(2);
    assertThat(run(PASSWORD, "create", "--email", "not-an-address")).isEqualTo(2);
    assertThat(run("short", "create", "--email", "ada@example.org")).isEqualTo(2);
    assertThat(run(null, "create", "--email", "ada@example.org")).isEqualTo(2);
    assertThat(run(PASSWORD, "create", "--email", "ada@example.org", "--colour", "red")).isEqualTo(2);
    assertThat(run(PASSWORD, "create", "--email")).isEqualTo(2);

    String usage = "usage: ./gauntlet admin create --email ADDRESS [--organisation NAME]"
        + " [--data-dir DIR | --database-url URL ...]";
    var lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.subList(0, 5)).containsExactly(
        "gauntlet: " + usage,
        "gauntlet: --email must be an e-mail address; " + usage,
        "gauntlet: --email must be an e-mail address; " + usage,
        "gauntlet: a password needs at least 12 characters",
        "gauntlet: no password was given");
    assertThat(lines.get(5)).startsWith("gauntlet: unknown option --colour; known: [--host, --port, --data-dir");
    assertThat(lines.subList(6, lines.size())).containsExactly("gauntlet: --email needs a value");
    try (var database = Database.open(DatabaseSettings.embedded(), dataDir)) {
      assertThat(new StaffAccounts(database.dataSource()).byEmail("ada@example.org")).isEmpty();
    }
  }

  private int run(String password, String... args) {
    String[] withData = new String[args.length + 2];
    System.arraycopy(args, 0, withData, 0, args.length);
    withData[args.length] = "--data-dir";
    withData[args.length + 1] = dataDir.toString();
    if (args.length > 0 && args[args.length - 1].equals("--email")) {
      withData = args;
    }
    return AdminCommand.run(withData, Map.of(), () -> password == null ? null : password.toCharArray(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The organisation's name as stored; the platform itself never reads it back. */
  private static Optional<String> organisationName(DataSource dataSource, String id) {
    return new Sql(dataSource).query("read an organisation", row -> row.getString(1),
        "select name from organisation where id = ?", id).stream().findFirst();
  }
}
