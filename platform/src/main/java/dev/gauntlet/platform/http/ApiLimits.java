package dev.gauntlet.platform.http;

/** Size limits of the API, documented in the OpenAPI file and the README. */
public final class ApiLimits {
  public static final long MAX_BODY_BYTES = 512 * 1024;
  public static final int MAX_FILES = 32;
  public static final int MAX_FILE_BYTES = 128 * 1024;
  public static final int MAX_TOTAL_FILE_BYTES = 256 * 1024;

  private ApiLimits() {
  }
}
