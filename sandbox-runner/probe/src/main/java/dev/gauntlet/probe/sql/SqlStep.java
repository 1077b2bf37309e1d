package dev.gauntlet.probe.sql;

/**
 * One statement, run on a fresh connection so that nothing a statement sets in its session (a
 * setting, a lock, a temporary object) reaches the next.
 *
 * @param database  the database to connect to
 * @param user      the role to connect as
 * @param sql       exactly one statement, sent as it is
 * @param rows      true to read the statement's rows, false for a statement that returns none
 * @param timeoutMs the server's statement timeout; the client gives up a little later
 * @param maxRows   rows kept; one more marks the result truncated
 * @param maxBytes  characters of values kept; more marks the result truncated
 */
public record SqlStep(String database, String user, String sql, boolean rows, int timeoutMs, int maxRows,
                      int maxBytes) {
}
