package dev.gauntlet.platform;

import dev.gauntlet.platform.config.ConfigException;
import dev.gauntlet.platform.config.PlatformConfig;
import dev.gauntlet.platform.storage.StorageException;
import dev.gauntlet.runner.challenge.PackageException;

/** {@code ./gauntlet up}: runs the platform until the process is stopped. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    PlatformApp app;
    try {
      app = PlatformApp.start(PlatformConfig.from(args, System.getenv()));
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
