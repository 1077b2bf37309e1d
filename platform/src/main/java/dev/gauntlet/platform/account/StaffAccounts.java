package dev.gauntlet.platform.account;

import dev.gauntlet.platform.storage.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Organisations and their staff accounts in SQL. Blocking JDBC: call it from a worker thread. */
public final class StaffAccounts {
  private static final String COLUMNS = "id, organisation_id, email, role, password_hash, created_at";

  private final Sql sql;

  public StaffAccounts(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  /**
   * Makes an organisation with its first account in one transaction; a taken e-mail address fails
   * with a {@code StorageException} that {@code isDuplicate()} and leaves no organisation behind.
   */
  public void createOrganisation(String organisationName, StaffAccount first) {
    sql.inTransaction("create organisation " + organisationName, c -> {
      Sql.update(c, "insert into organisation (id, name, created_at) values (?, ?, ?)", first.organisationId(),
          organisationName, Timestamp.from(first.createdAt()));
      return Sql.update(c, insert(), values(first));
    });
  }

  /** Adds an account; a taken e-mail address fails with a {@code StorageException} that {@code isDuplicate()}. */
  public void create(StaffAccount account) {
    sql.update("create a staff account", insert(), values(account));
  }

  public Optional<StaffAccount> byEmail(String email) {
    return sql.query("read a staff account", StaffAccounts::read, "select " + COLUMNS
        + " from staff_account where email = ?", email).stream().findFirst();
  }

  public Optional<StaffAccount> byId(String id) {
    return sql.query("read a staff account", StaffAccounts::read, "select " + COLUMNS
        + " from staff_account where id = ?", id).stream().findFirst();
  }

  /** The organisation's accounts, oldest first. */
  public List<StaffAccount> ofOrganisation(String organisationId) {
    return sql.query("list staff accounts", StaffAccounts::read, "select " + COLUMNS
        + " from staff_account where organisation_id = ? order by created_at, email", organisationId);
  }

  private static String insert() {
    return "insert into staff_account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)";
  }

  private static Object[] values(StaffAccount a) {
    return new Object[] {a.id(), a.organisationId(), a.email(), a.role().name(), a.passwordHash(),
        Timestamp.from(a.createdAt())};
  }

  private static StaffAccount read(ResultSet row) throws SQLException {
    return new StaffAccount(row.getString("id"), row.getString("organisation_id"), row.getString("email"),
        StaffRole.valueOf(row.getString("role")), row.getString("password_hash"),
        row.getTimestamp("created_at").toInstant());
  }
}
