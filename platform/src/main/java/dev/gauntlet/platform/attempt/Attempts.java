package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.storage.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Invitations and attempts in SQL. Every change of state is one conditional update, so that two
 * platforms (or two tabs) racing cannot both open a link or move a deadline. Blocking JDBC.
 */
public final class Attempts {
  private static final String COLUMNS = "id, assessment_id, email, link_generation, invited_at, link_expires_at,"
      + " started_at, deadline, finished_at";

  private final Sql sql;

  public Attempts(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  /** Stores an invitation; an address already invited fails with a {@code StorageException} that {@code isDuplicate()}. */
  public void invite(Attempt attempt, String tokenHash) {
    sql.update("store an invitation", "insert into attempt (" + COLUMNS + ", token_hash) values"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", attempt.id(), attempt.assessmentId(), attempt.email(),
        attempt.linkGeneration(), Timestamp.from(attempt.invitedAt()), Timestamp.from(attempt.linkExpiresAt()),
        null, null, null, tokenHash);
  }

  public Optional<Attempt> find(String id) {
    return sql.query("read an attempt", Attempts::read, "select " + COLUMNS + " from attempt where id = ?", id)
        .stream().findFirst();
  }

  /** The attempt whose link carries the token with this hash, whether or not the link was used. */
  public Optional<Link> byTokenHash(String tokenHash) {
    return sql.query("read an invitation", row -> new Link(read(row), row.getTimestamp("token_used_at") != null),
        "select " + COLUMNS + ", token_used_at from attempt where token_hash = ?", tokenHash).stream().findFirst();
  }

  /** An attempt found by its link, and whether that link was opened already. */
  public record Link(Attempt attempt, boolean used) {
  }

  /** The assessment's invitations, oldest first. */
  public List<Attempt> ofAssessment(String assessmentId) {
    return sql.query("list attempts", Attempts::read, "select " + COLUMNS
        + " from attempt where assessment_id = ? order by invited_at, email", assessmentId);
  }

  /**
   * Uses the link of the given generation: the first use starts the clock, a later link (after a
   * lost session) only opens again what runs. False when the link was used, or replaced, meanwhile.
   */
  public boolean open(String id, int linkGeneration, Instant now, Instant deadline) {
    return sql.update("open an attempt", "update attempt set token_used_at = ?, started_at = coalesce(started_at, ?),"
            + " deadline = coalesce(deadline, ?) where id = ? and link_generation = ? and token_used_at is null",
        Timestamp.from(now), Timestamp.from(now), Timestamp.from(deadline), id, linkGeneration) == 1;
  }

  /** Ends a running attempt at the candidate's word; false when it was not running. */
  public boolean finish(String id, Instant now) {
    Timestamp at = Timestamp.from(now);
    return sql.update("finish an attempt", "update attempt set finished_at = ? where id = ? and finished_at is null"
        + " and started_at is not null and deadline > ?", at, id, at) == 1;
  }

  /**
   * Replaces the link of an attempt that is not over: the old link and the sessions it opened stop
   * working. False when the attempt is over.
   */
  public boolean replaceLink(String id, String tokenHash, Instant now, Instant linkExpiresAt) {
    Timestamp at = Timestamp.from(now);
    return sql.update("replace an invitation link", "update attempt set token_hash = ?, token_used_at = null,"
            + " link_generation = link_generation + 1, link_expires_at = ? where id = ? and finished_at is null"
            + " and (deadline is null or deadline > ?)", tokenHash, Timestamp.from(linkExpiresAt), id, at) == 1;
  }

  private static Attempt read(ResultSet row) throws SQLException {
    return new Attempt(row.getString("id"), row.getString("assessment_id"), row.getString("email"),
        row.getInt("link_generation"), instant(row, "invited_at"), instant(row, "link_expires_at"),
        instant(row, "started_at"), instant(row, "deadline"), instant(row, "finished_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
