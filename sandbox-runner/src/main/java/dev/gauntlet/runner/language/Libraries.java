package dev.gauntlet.runner.language;

/** Libraries baked into the runtime images, because a sandbox has no network to fetch them. */
final class Libraries {
  /** Jackson, from Debian's packages in the Java runtime image. */
  static final String JAVA_CLASS_PATH = "/usr/share/java/jackson-databind.jar:/usr/share/java/jackson-core.jar"
      + ":/usr/share/java/jackson-annotations.jar";

  private Libraries() {
  }
}
