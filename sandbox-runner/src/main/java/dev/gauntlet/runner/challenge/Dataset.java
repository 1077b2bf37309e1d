package dev.gauntlet.runner.challenge;

/**
 * One database of a sql package, from {@code tests/<visibility>/<name>.sql}: a psql script, run as
 * the tables' owner in an empty database, that creates and fills the tables. The query is checked
 * on every dataset; hidden ones hold other data than the public one, so a hard-coded answer fails.
 */
public record Dataset(String name, Visibility visibility, String script) {
}
