package dev.gauntlet.platform.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC with the boilerplate once: parameters bound in order, rows mapped, every failure a
 * {@link StorageException} that says what was being done. Blocking: call it from a worker thread.
 */
public final class Sql {
  private final DataSource dataSource;

  public Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  public int update(String doing, String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection()) {
      return update(c, sql, parameters);
    } catch (SQLException e) {
      throw new StorageException("cannot " + doing, e);
    }
  }

  public <T> List<T> query(String doing, RowReader<T> reader, String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection()) {
      return query(c, reader, sql, parameters);
    } catch (SQLException e) {
      throw new StorageException("cannot " + doing, e);
    }
  }

  /** Runs the work in a transaction, committed when it returns and rolled back when it throws. */
  public <T> T inTransaction(String doing, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StorageException("cannot " + doing, e);
    }
  }

  public static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  public static <T> List<T> query(Connection c, RowReader<T> reader, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, parameters); ResultSet rows = statement.executeQuery()) {
      var found = new ArrayList<T>();
      while (rows.next()) {
        found.add(reader.read(rows));
      }
      return found;
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
