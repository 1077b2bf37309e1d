package dev.gauntlet.runner.image;

import dev.gauntlet.runner.docker.DockerClients;

/** Entry point the launcher calls before starting or testing: builds the missing runtime images. */
public final class RuntimeImagesMain {
  private RuntimeImagesMain() {
  }

  public static void main(String[] args) throws Exception {
    try (var docker = DockerClients.fromEnvironment()) {
      new RuntimeImages(docker).ensureAll();
    }
  }
}
