package dev.gauntlet.platform.submission;

import dev.gauntlet.platform.storage.StorageException;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Submissions and their verdicts in SQL. Blocking JDBC: call it from a worker thread. */
public final class SubmissionRepository {
  private static final String COLUMNS = "id, challenge_id, challenge_version, language, files, status, result,"
      + " created_at, judged_at";

  private final DataSource dataSource;

  public SubmissionRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void insert(StoredSubmission s) {
    update("insert into submission (id, challenge_id, challenge_version, language, files, status, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        s.id(), s.challengeId(), s.challengeVersion(), s.language().id(), Json.encode(s.files()),
        s.status().name(), Timestamp.from(s.createdAt()));
  }

  public Optional<StoredSubmission> find(String id) {
    var found = query("select " + COLUMNS + " from submission where id = ?", id);
    return found.stream().findFirst();
  }

  /** The ids of everything without a verdict, oldest first. */
  public List<String> unfinishedIds() {
    try (Connection c = dataSource.getConnection();
         PreparedStatement statement = prepare(c, "select id from submission where status <> ? order by created_at",
             SubmissionStatus.JUDGED.name());
         ResultSet rows = statement.executeQuery()) {
      var ids = new ArrayList<String>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new StorageException("cannot list unfinished submissions", e);
    }
  }

  /** How many submissions wait for a verdict, queued or being judged. */
  public int countUnfinished() {
    try (Connection c = dataSource.getConnection();
         PreparedStatement statement = prepare(c, "select count(*) from submission where status <> ?",
             SubmissionStatus.JUDGED.name());
         ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new StorageException("cannot count submissions", e);
    }
  }

  public void markRunning(String id) {
    update("update submission set status = ? where id = ? and status = ?",
        SubmissionStatus.RUNNING.name(), id, SubmissionStatus.QUEUED.name());
  }

  /** Stores a verdict unless the submission already has one; true when this call stored it. */
  public boolean recordVerdict(String id, JudgeResult result, Instant judgedAt) {
    return update("update submission set status = ?, verdict = ?, score = ?, max_score = ?, result = ?,"
            + " judged_at = ? where id = ? and status <> ?",
        SubmissionStatus.JUDGED.name(), result.verdict().name(), result.score(), result.maxScore(),
        Json.encode(result), Timestamp.from(judgedAt), id, SubmissionStatus.JUDGED.name()) == 1;
  }

  private int update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement statement = prepare(c, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StorageException("cannot write submissions", e);
    }
  }

  private List<StoredSubmission> query(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection(); PreparedStatement statement = prepare(c, sql, parameters);
         ResultSet rows = statement.executeQuery()) {
      var found = new ArrayList<StoredSubmission>();
      while (rows.next()) {
        found.add(read(rows));
      }
      return found;
    } catch (SQLException e) {
      throw new StorageException("cannot read submissions", e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  private static StoredSubmission read(ResultSet row) throws SQLException {
    var files = new TreeMap<String, String>();
    new JsonObject(row.getString("files")).forEach(e -> files.put(e.getKey(), (String) e.getValue()));
    String result = row.getString("result");
    Timestamp judgedAt = row.getTimestamp("judged_at");
    return new StoredSubmission(row.getString("id"), row.getString("challenge_id"), row.getInt("challenge_version"),
        Language.byId(row.getString("language")).orElseThrow(), files,
        SubmissionStatus.valueOf(row.getString("status")),
        result == null ? null : Json.decodeValue(result, JudgeResult.class),
        row.getTimestamp("created_at").toInstant(), judgedAt == null ? null : judgedAt.toInstant());
  }
}
