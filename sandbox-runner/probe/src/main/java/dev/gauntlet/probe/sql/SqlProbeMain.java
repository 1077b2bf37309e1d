package dev.gauntlet.probe.sql;

import dev.gauntlet.probe.ProbeJson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.postgresql.core.Parser;

/**
 * Runs a {@link SqlPlan} against the PostgreSQL server that shares this process's loopback and
 * prints a {@link SqlReport} as JSON on standard output. Values travel in the report as JSON
 * strings, so nothing a query returns can pass for part of the report. Exit status 0 means the
 * report is complete, whatever the statements did.
 */
public final class SqlProbeMain {
  /** SQLSTATE syntax_error, for text that the driver would send as more than one statement. */
  static final String MORE_THAN_ONE = "42601";
  private static final long POLL_MILLIS = 100;
  /** What a value costs in the report beyond its own bytes: quotes and a comma, or {@code null,}. */
  private static final int PER_VALUE = 5;
  /** The server quotes the statement in some errors; the report keeps this much of one. */
  private static final int ERROR_CHARS = 2_000;
  /** Rows the driver holds before the byte cap is checked: a few, for one value may be large. */
  private static final int FETCH_ROWS = 100;

  private SqlProbeMain() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    ProbeJson.serve(args, "SqlProbeMain <plan.json>", SqlPlan.class, SqlProbeMain::run);
  }

  static SqlReport run(SqlPlan plan) throws InterruptedException {
    if (plan.steps().isEmpty() || !awaitReady(plan)) {
      return new SqlReport(plan.steps().isEmpty(), List.of());
    }
    var outcomes = new ArrayList<SqlReport.Outcome>();
    for (SqlStep step : plan.steps()) {
      var outcome = run(plan.port(), step);
      outcomes.add(outcome);
      if (outcome.failed() && step.critical()) {
        break;
      }
    }
    return new SqlReport(true, outcomes);
  }

  private static boolean awaitReady(SqlPlan plan) throws InterruptedException {
    SqlStep first = plan.steps().getFirst();
    long deadline = System.nanoTime() + plan.readyMillis() * 1_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        connect(plan.port(), first).close();
        return true;
      } catch (SQLException starting) {
        // Refused, or not let in yet while the server seeds: try again.
        Thread.sleep(POLL_MILLIS);
      }
    }
    return false;
  }

  private static SqlReport.Outcome run(int port, SqlStep step) {
    long began = System.nanoTime();
    try (Connection connection = connect(port, step); Statement statement = connection.createStatement()) {
      began = System.nanoTime();
      if (!step.statements().stream().allMatch(SqlProbeMain::isOneStatement)) {
        return failed(MORE_THAN_ONE, "the text holds more than one statement", began);
      }
      statement.setQueryTimeout((step.timeoutMs() + SqlStep.CLIENT_GRACE_MS) / 1000);
      statement.setEscapeProcessing(false);
      // One transaction: the server's transaction timeout then bounds the whole step, and a cursor
      // reads a huge result a batch at a time, so that it is cut off rather than held whole.
      connection.setAutoCommit(false);
      if (!step.rows()) {
        for (String sql : step.statements()) {
          statement.execute(sql);
        }
        connection.commit();
        return new SqlReport.Outcome(List.of(), List.of(), false, null, null, micros(began));
      }
      statement.setFetchSize(FETCH_ROWS);
      statement.setMaxRows(step.maxRows() + 1);
      try (ResultSet result = statement.executeQuery(step.statements().getFirst())) {
        return read(result, step, began);
      }
    } catch (SQLException e) {
      return failed(e.getSQLState() == null ? "" : e.getSQLState(), e.getMessage(), began);
    } catch (OutOfMemoryError e) {
      // One value too large to hold: the step fails, the probe goes on to the next.
      return failed("53200", "a value of the result is too large to read", began);
    }
  }

  /**
   * Whether the driver sends the text as one statement. It splits text at semicolons itself and
   * would send the parts one by one; sent whole, one statement is one prepared statement, which the
   * server refuses to hold more than one command in.
   */
  static boolean isOneStatement(String sql) {
    try {
      return Parser.parseJdbcSql(sql, true, false, true, false, false).size() == 1;
    } catch (SQLException unparsable) {
      return false;
    }
  }

  private static SqlReport.Outcome failed(String sqlState, String message, long began) {
    String kept = message == null ? "" : message.length() <= ERROR_CHARS ? message
        : message.substring(0, ERROR_CHARS) + "…";
    return new SqlReport.Outcome(List.of(), List.of(), false, sqlState, kept, micros(began));
  }

  private static SqlReport.Outcome read(ResultSet result, SqlStep step, long began) throws SQLException {
    var meta = result.getMetaData();
    var columns = new ArrayList<SqlReport.Column>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new SqlReport.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
    }
    var rows = new ArrayList<List<String>>();
    long bytes = 0;
    while (result.next()) {
      var row = new String[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = result.getString(i + 1);
        bytes += PER_VALUE + (row[i] == null ? 0 : jsonBytes(row[i]));
      }
      if (rows.size() == step.maxRows() || bytes > step.maxBytes()) {
        return new SqlReport.Outcome(columns, rows, true, null, null, micros(began));
      }
      rows.add(Arrays.asList(row));
    }
    return new SqlReport.Outcome(columns, rows, false, null, null, micros(began));
  }

  /** The bytes of a value written as a JSON string in UTF-8: control characters become six. */
  static long jsonBytes(String value) {
    long bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      bytes += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  private static Connection connect(int port, SqlStep step) throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", step.user());
    // Read-only: a query cannot even take a transaction id, which would let it count its runs.
    properties.setProperty("options", "-c statement_timeout=" + step.timeoutMs() + " -c transaction_timeout="
        + step.timeoutMs() + (step.rows() ? " -c default_transaction_read_only=on" : ""));
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("socketTimeout", Integer.toString((step.timeoutMs() + SqlStep.CLIENT_GRACE_MS) / 1000));
    // What the driver may buffer of one result; past it the step fails instead of the probe.
    properties.setProperty("maxResultBuffer", "64M");
    properties.setProperty("ApplicationName", "gauntlet-sql-probe");
    // The server is ours and shares only this loopback; nothing travels beyond it to encrypt.
    properties.setProperty("sslmode", "disable");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + step.database(), properties);
  }

  private static long micros(long began) {
    return (System.nanoTime() - began) / 1000;
  }
}
