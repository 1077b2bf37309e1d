package dev.gauntlet.probe.sql;

import java.util.List;

/**
 * Statements run on a fresh connection, in one transaction, so that nothing one step sets in its
 * session (a setting, a lock, a temporary object) reaches the next.
 *
 * @param database   the database to connect to
 * @param user       the role to connect as
 * @param statements each exactly one statement, sent as it is; one query when {@code rows}
 * @param rows       true to read the query's rows, false for statements that return none
 * @param timeoutMs  the server's statement and transaction timeout: the whole step, rows read included
 * @param maxRows    rows kept; one more marks the result truncated
 * @param maxBytes   bytes of the result as the report writes it; more marks the result truncated
 * @param critical   when it fails, the plan stops: what comes after depends on it
 */
public record SqlStep(String database, String user, List<String> statements, boolean rows, int timeoutMs,
                      int maxRows, int maxBytes, boolean critical) {
  /** How much longer than the server's own timeout the client waits for an answer. */
  public static final int CLIENT_GRACE_MS = 5_000;

  public SqlStep {
    statements = List.copyOf(statements);
  }
}
