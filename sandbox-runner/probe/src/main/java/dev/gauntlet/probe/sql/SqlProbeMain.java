package dev.gauntlet.probe.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.probe.ProbeJson;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Runs a {@link SqlPlan} against the PostgreSQL server that shares this process's loopback and
 * prints a {@link SqlReport} as JSON on standard output. Values travel in the report as JSON
 * strings, so nothing a query returns can pass for part of the report. Exit status 0 means the
 * report is complete, whatever the statements did.
 */
public final class SqlProbeMain {
  private static final long POLL_MILLIS = 100;
  /** How much longer than the server's own timeout the client waits for an answer. */
  private static final int CLIENT_GRACE_SECONDS = 5;

  private SqlProbeMain() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: SqlProbeMain <plan.json>");
      System.exit(2);
    }
    ObjectMapper json = ProbeJson.mapper();
    SqlPlan plan = json.readValue(Path.of(args[0]).toFile(), SqlPlan.class);
    json.writeValue(System.out, run(plan));
  }

  static SqlReport run(SqlPlan plan) throws InterruptedException {
    if (plan.steps().isEmpty() || !awaitReady(plan)) {
      return new SqlReport(plan.steps().isEmpty(), List.of());
    }
    var outcomes = new ArrayList<SqlReport.Outcome>();
    for (SqlStep step : plan.steps()) {
      outcomes.add(run(plan.port(), step));
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
        // Refused, or "the database system is starting up": try again.
        Thread.sleep(POLL_MILLIS);
      }
    }
    return false;
  }

  private static SqlReport.Outcome run(int port, SqlStep step) {
    long began = System.nanoTime();
    try (Connection connection = connect(port, step); Statement statement = connection.createStatement()) {
      began = System.nanoTime();
      statement.setQueryTimeout(step.timeoutMs() / 1000 + CLIENT_GRACE_SECONDS);
      if (!step.rows()) {
        statement.execute(step.sql());
        return new SqlReport.Outcome(List.of(), List.of(), false, null, null, micros(began));
      }
      // A cursor, so that a huge result is read a batch at a time and cut off, not held whole.
      connection.setAutoCommit(false);
      statement.setFetchSize(1000);
      statement.setMaxRows(step.maxRows() + 1);
      try (ResultSet result = statement.executeQuery(step.sql())) {
        return read(result, step, began);
      }
    } catch (SQLException e) {
      return new SqlReport.Outcome(List.of(), List.of(), false, e.getSQLState() == null ? "" : e.getSQLState(),
          e.getMessage(), micros(began));
    }
  }

  private static SqlReport.Outcome read(ResultSet result, SqlStep step, long began) throws SQLException {
    var meta = result.getMetaData();
    var columns = new ArrayList<SqlReport.Column>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new SqlReport.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
    }
    var rows = new ArrayList<List<String>>();
    long chars = 0;
    while (result.next()) {
      var row = new String[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = result.getString(i + 1);
        chars += row[i] == null ? 0 : row[i].length();
      }
      if (rows.size() == step.maxRows() || chars > step.maxBytes()) {
        return new SqlReport.Outcome(columns, rows, true, null, null, micros(began));
      }
      rows.add(Arrays.asList(row));
    }
    return new SqlReport.Outcome(columns, rows, false, null, null, micros(began));
  }

  private static Connection connect(int port, SqlStep step) throws SQLException {
    var properties = new Properties();
    properties.setProperty("user", step.user());
    properties.setProperty("options", "-c statement_timeout=" + step.timeoutMs());
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("ApplicationName", "gauntlet-sql-probe");
    // The server is ours and shares only this loopback; nothing travels beyond it to encrypt.
    properties.setProperty("sslmode", "disable");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + step.database(), properties);
  }

  private static long micros(long began) {
    return (System.nanoTime() - began) / 1000;
  }
}
