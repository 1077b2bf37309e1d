package dev.gauntlet.runner.challenge;

/** A challenge package that cannot be used; the message names the file and, where known, line and field. */
public final class PackageException extends RuntimeException {
  public PackageException(String message) {
    super(message);
  }

  public PackageException(String message, Throwable cause) {
    super(message, cause);
  }
}
