package dev.gauntlet.probe.sql;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the SQL probe saw: the outcome of every step, in the plan's order.
 *
 * @param ready false when the server did not accept a connection in time; then nothing ran
 */
public record SqlReport(boolean ready, List<Outcome> outcomes) {
  public SqlReport {
    outcomes = List.copyOf(outcomes);
  }

  /** A column of a result, as the server described it. */
  public record Column(String name, String type) {
  }

  /**
   * How one statement went.
   *
   * @param columns   the result's columns; empty for a statement without rows or one that failed
   * @param rows      the values as the server wrote them as text, null for SQL NULL
   * @param truncated more rows or characters than the step keeps
   * @param sqlState  the server's error code when the statement failed, else null
   * @param error     the server's message when the statement failed, else null
   * @param micros    from sending the statement until its last row was read
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Outcome(List<Column> columns, List<List<String>> rows, boolean truncated, String sqlState,
                        String error, long micros) {
    public Outcome {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }

    public boolean failed() {
      return sqlState != null;
    }
  }
}
