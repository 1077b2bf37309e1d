package dev.gauntlet.runner.challenge;

/**
 * How a sql package judges a query, from {@code query:} in the manifest.
 *
 * @param ordered true when the statement demands an order: rows must then come in the reference's
 *                order; otherwise (and when absent) they are compared as a multiset
 * @param timedOn the dataset (a test's name) the query is timed on against the reference; required
 *                with performance points
 */
public record QuerySpec(Boolean ordered, String timedOn) {
  static final QuerySpec UNORDERED = new QuerySpec(false, null);

  public QuerySpec {
    ordered = ordered != null && ordered;
  }
}
