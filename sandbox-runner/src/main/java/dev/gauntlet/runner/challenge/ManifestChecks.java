package dev.gauntlet.runner.challenge;

/** Checks shared by the manifest records; their messages become "field: message" for authors. */
final class ManifestChecks {
  private ManifestChecks() {
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static void inRange(String field, double value, double min, double max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + format(min) + " and " + format(max)
          + ", was " + format(value));
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
