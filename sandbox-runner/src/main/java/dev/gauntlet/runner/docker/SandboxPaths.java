package dev.gauntlet.runner.docker;

import java.util.regex.Pattern;

/** Paths inside a sandbox archive: relative, normalised, no climbing out. */
public final class SandboxPaths {
  /** What a path segment may hold, said the way error messages say it. */
  public static final String ALLOWED = "letters, digits, '.', '_', '$' and '-'";
  // '$' because javac names nested classes Outer$Inner.class.
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._$-]+");

  private SandboxPaths() {
  }

  /** Returns the path without a leading {@code ./}, or throws when it is not a plain relative path. */
  public static String requireRelative(String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!isPlainRelative(p)) {
      throw new SandboxOutputException("not a plain relative path: " + path);
    }
    return p;
  }

  /** True for {@code a/b.txt}; false for absolute paths, {@code ..}, empty segments or odd characters. */
  public static boolean isPlainRelative(String path) {
    if (path.isEmpty() || path.length() > 255) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }
}
