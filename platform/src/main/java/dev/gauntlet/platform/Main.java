package dev.gauntlet.platform;

import dev.gauntlet.platform.config.ConfigException;
import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.storage.StorageException;
import dev.gauntlet.runner.challenge.PackageException;
import java.util.Arrays;

/** {@code ./gauntlet up|platform|runner [options]}: runs that role until the process is stopped. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    PlatformApp app;
    try {
      if (args.length == 0) {
        throw new ConfigException("name a role: up, platform or runner");
      }
      Role role = Role.byName(args[0]).orElseThrow(() -> new ConfigException("unknown role '" + args[0]
          + "'; known: up, platform, runner"));
      app = PlatformApp.start(PlatformConfig.from(Arrays.copyOfRange(args, 1, args.length), System.getenv()), role);
    } catch (ConfigException | PackageException | StorageException e) {
      System.err.println("gauntlet: " + e.getMessage());
      System.exit(2);
      return;
    } catch (Exception e) {
      System.err.println("gauntlet: could not start: " + e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gauntlet-shutdown"));
  }
}
