package dev.gauntlet.platform.account;

import dev.gauntlet.platform.config.ConfigException;
import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.storage.Database;
import dev.gauntlet.platform.storage.StorageException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./gauntlet admin create --email ADDRESS [--organisation NAME] [platform options]}: makes an
 * organisation with its first admin, straight in the database. There is no default account and no
 * default password: this is how the first one comes to be. The password is asked twice on a
 * terminal, or read as one line from standard input when that is not a terminal.
 */
public final class AdminCommand {
  private static final String USAGE = "usage: ./gauntlet admin create --email ADDRESS [--organisation NAME]"
      + " [--data-dir DIR | --database-url URL ...]";

  private AdminCommand() {
  }

  public static void main(String[] args) {
    var console = System.console();
    var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int status = run(args, System.getenv(), () -> readPassword(console, stdin), System.out, System.err);
    System.exit(status);
  }

  /** Where the password comes from; null when there was none to read. */
  public interface PasswordSource {
    char[] read() throws IOException;
  }

  public static int run(String[] args, Map<String, String> env, PasswordSource passwords, PrintStream out,
                        PrintStream err) {
    try {
      if (args.length == 0 || !args[0].equals("create")) {
        throw new ConfigException(USAGE);
      }
      String email = null;
      String organisation = "Gauntlet";
      var platformArgs = new ArrayList<String>();
      for (int i = 1; i < args.length; i++) {
        boolean own = args[i].equals("--email") || args[i].equals("--organisation");
        if (own && i + 1 == args.length) {
          throw new ConfigException(args[i] + " needs a value");
        }
        switch (args[i]) {
          case "--email" -> email = args[++i];
          case "--organisation" -> organisation = args[++i].strip();
          default -> platformArgs.add(args[i]);
        }
      }
      String address = EmailAddress.normalised(email).orElseThrow(() -> new ConfigException(
          "--email must be an e-mail address; " + USAGE));
      if (organisation.isEmpty() || organisation.length() > 200) {
        throw new ConfigException("--organisation must have between 1 and 200 characters");
      }
      var config = PlatformConfig.from(platformArgs.toArray(String[]::new), env);
      char[] password = passwords.read();
      String weakness = password == null ? "no password was given" : PasswordHasher.weakness(new String(password));
      if (weakness != null) {
        throw new ConfigException(weakness);
      }
      var account = new StaffAccount(UUID.randomUUID().toString(), UUID.randomUUID().toString(), address,
          StaffRole.ADMIN, new PasswordHasher().hash(password), Instant.now());
      Arrays.fill(password, '\0');
      try (var database = Database.open(config.database(), config.dataDir())) {
        new StaffAccounts(database.dataSource()).createOrganisation(organisation, account);
      }
      out.println("gauntlet: made organisation '" + organisation + "' with admin " + address
          + "; sign in with POST /api/v1/sessions");
      return 0;
    } catch (ConfigException e) {
      err.println("gauntlet: " + e.getMessage());
      return 2;
    } catch (StorageException e) {
      err.println("gauntlet: " + (e.isDuplicate() ? "an account with that e-mail address exists already"
          : e.getMessage() + inUseHint(e)));
      return 1;
    } catch (IOException e) {
      err.println("gauntlet: could not read the password: " + e.getMessage());
      return 1;
    }
  }

  /** H2 lets one process at a time open its file; the running platform is that process. */
  private static String inUseHint(StorageException e) {
    return String.valueOf(e.getMessage()).contains("already in use")
        ? " (the embedded database is open in a running platform: stop it, make the admin, start it again)" : "";
  }

  private static char[] readPassword(Console console, BufferedReader stdin) throws IOException {
    if (console == null) {
      String line = stdin.readLine();
      return line == null ? null : line.toCharArray();
    }
    char[] first = console.readPassword("Password for the admin (%d characters or more): ",
        PasswordHasher.MIN_PASSWORD_LENGTH);
    char[] again = console.readPassword("The same again: ");
    if (first == null || again == null || !Arrays.equals(first, again)) {
      throw new ConfigException("the two passwords differ");
    }
    Arrays.fill(again, '\0');
    return first;
  }
}
