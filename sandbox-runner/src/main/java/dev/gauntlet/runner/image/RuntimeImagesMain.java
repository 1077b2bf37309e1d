package dev.gauntlet.runner.image;

import dev.gauntlet.runner.docker.DockerClients;

/**
 * Entry point the launcher calls before starting or testing: builds the missing runtime images,
 * PostgreSQL's too, which the tests and deployments use. With {@code --tag RUNTIME}, only prints
 * that runtime's image tag.
 */
public final class RuntimeImagesMain {
  private RuntimeImagesMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--tag")) {
      System.out.println(RuntimeImages.imageFor(args[1]));
      return;
    }
    try (var docker = DockerClients.fromEnvironment()) {
      var images = new RuntimeImages(docker);
      images.ensureJudgingImages();
    }
  }
}
