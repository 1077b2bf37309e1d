package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.storage.Sql;
import dev.gauntlet.platform.storage.StorageException;
import dev.gauntlet.platform.submission.SubmissionRepository;
import io.vertx.core.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/** Drafts in SQL, one per challenge of an attempt, the last save winning. Blocking JDBC. */
public final class Drafts {
  private final Sql sql;

  public Drafts(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  public void save(String attemptId, Draft draft) {
    Object[] values = {draft.language(), Json.encode(draft.files()), Timestamp.from(draft.savedAt()), attemptId,
        draft.challenge()};
    String update = "update draft set language = ?, files = ?, saved_at = ? where attempt_id = ? and challenge_id = ?";
    if (sql.update("save a draft", update, values) == 1) {
      return;
    }
    try {
      sql.update("save a draft", "insert into draft (language, files, saved_at, attempt_id, challenge_id)"
          + " values (?, ?, ?, ?, ?)", values);
    } catch (StorageException e) {
      // Two tabs saving the first draft at once: the other inserted it; this save goes over it.
      if (!e.isDuplicate()) {
        throw e;
      }
      sql.update("save a draft", update, values);
    }
  }

  public List<Draft> ofAttempt(String attemptId) {
    return sql.query("read drafts", Drafts::read, "select challenge_id, language, files, saved_at from draft"
        + " where attempt_id = ? order by challenge_id", attemptId);
  }

  private static Draft read(ResultSet row) throws SQLException {
    return new Draft(row.getString("challenge_id"), row.getString("language"),
        SubmissionRepository.files(row.getString("files")),
        row.getTimestamp("saved_at").toInstant());
  }
}
