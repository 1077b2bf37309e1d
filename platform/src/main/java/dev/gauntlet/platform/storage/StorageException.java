package dev.gauntlet.platform.storage;

/** The database failed; a request that meets it is answered 503, never with half-stored data. */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
