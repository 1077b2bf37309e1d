package dev.gauntlet.platform.storage;

import java.sql.SQLException;

/** The database failed; a request that meets it is answered 503, never with half-stored data. */
public final class StorageException extends RuntimeException {
  /** SQLSTATE of a unique-key violation, the same in H2 and PostgreSQL. */
  private static final String DUPLICATE = "23505";

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the statement failed because a row with the same unique key exists. */
  public boolean isDuplicate() {
    return getCause() instanceof SQLException cause && DUPLICATE.equals(cause.getSQLState());
  }
}
