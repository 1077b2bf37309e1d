package dev.gauntlet.platform.submission;

import dev.gauntlet.platform.storage.Sql;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Submissions and their verdicts in SQL. Blocking JDBC: call it from a worker thread. */
public final class SubmissionRepository {
  private static final String COLUMNS = "id, challenge_id, challenge_version, language, files, status, result,"
      + " created_at, judged_at, attempt_id, queue, run";

  private static final String INSERT = "insert into submission (id, challenge_id, challenge_version, language, files,"
      + " status, created_at, attempt_id, queue, run) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String LOAD = "select coalesce(sum(case when created_at >= ? then 1 else 0 end), 0),"
      + " coalesce(sum(case when status <> ? then 1 else 0 end), 0) from submission where attempt_id = ?";

  private final Sql sql;

  public SubmissionRepository(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  public void insert(StoredSubmission s) {
    sql.update("store a submission", INSERT, values(s));
  }

  /**
   * Stores an attempt's submission if the check lets it, given what the attempt has in flight. The
   * attempt's row is locked meanwhile, so that requests arriving together are counted one after the
   * other, on any platform process.
   */
  public void insert(StoredSubmission s, Instant since, Consumer<AttemptLoad> check) {
    sql.inTransaction("store a submission", c -> {
      Sql.query(c, row -> row.getString(1), "select id from attempt where id = ? for update", s.attemptId());
      check.accept(Sql.query(c, row -> new AttemptLoad(row.getInt(1), row.getInt(2)), LOAD,
          Timestamp.from(since), SubmissionStatus.JUDGED.name(), s.attemptId()).getFirst());
      return Sql.update(c, INSERT, values(s));
    });
  }

  private static Object[] values(StoredSubmission s) {
    return new Object[] {s.id(), s.challengeId(), s.challengeVersion(), s.language().id(), Json.encode(s.files()),
        s.status().name(), Timestamp.from(s.createdAt()), s.attemptId(), s.queue(), s.run()};
  }

  public Optional<StoredSubmission> find(String id) {
    return sql.query("read a submission", SubmissionRepository::read,
        "select " + COLUMNS + " from submission where id = ?", id).stream().findFirst();
  }

  /** A submission made outside any assessment: one of an attempt is served only under its attempt. */
  public Optional<StoredSubmission> findPractice(String id) {
    return find(id).filter(s -> s.attemptId() == null);
  }

  /** An attempt's submissions, oldest first. */
  public List<StoredSubmission> ofAttempt(String attemptId) {
    return sql.query("list an attempt's submissions", SubmissionRepository::read,
        "select " + COLUMNS + " from submission where attempt_id = ? order by created_at, id", attemptId);
  }

  /**
   * What an attempt has in flight, for its rate limit.
   *
   * @param recent     submissions and runs made since the instant asked about
   * @param unfinished those of all its submissions and runs that wait for a verdict
   */
  public record AttemptLoad(int recent, int unfinished) {
  }

  /** The ids of everything without a verdict, oldest first. */
  public List<String> unfinishedIds() {
    return sql.query("list unfinished submissions", row -> row.getString(1),
        "select id from submission where status <> ? order by created_at", SubmissionStatus.JUDGED.name());
  }

  /** How many submissions wait for a verdict, queued or being judged. */
  public int countUnfinished() {
    return sql.query("count submissions", row -> row.getInt(1),
        "select count(*) from submission where status <> ?", SubmissionStatus.JUDGED.name()).getFirst();
  }

  public void markRunning(String id) {
    sql.update("mark a submission running", "update submission set status = ? where id = ? and status = ?",
        SubmissionStatus.RUNNING.name(), id, SubmissionStatus.QUEUED.name());
  }

  /** Stores a verdict unless the submission already has one; true when this call stored it. */
  public boolean recordVerdict(String id, JudgeResult result, Instant judgedAt) {
    return sql.update("store a verdict", "update submission set status = ?, verdict = ?, score = ?, max_score = ?,"
            + " result = ?, judged_at = ? where id = ? and status <> ?",
        SubmissionStatus.JUDGED.name(), result.verdict().name(), result.score(), result.maxScore(),
        Json.encode(result), Timestamp.from(judgedAt), id, SubmissionStatus.JUDGED.name()) == 1;
  }

  /** Source files as a {@code files} column holds them: a JSON object of path to text. */
  public static Map<String, String> files(String json) {
    var files = new TreeMap<String, String>();
    new JsonObject(json).forEach(e -> files.put(e.getKey(), (String) e.getValue()));
    return files;
  }

  private static StoredSubmission read(ResultSet row) throws SQLException {
    var files = files(row.getString("files"));
    String result = row.getString("result");
    Timestamp judgedAt = row.getTimestamp("judged_at");
    return new StoredSubmission(row.getString("id"), row.getString("challenge_id"), row.getInt("challenge_version"),
        Language.byId(row.getString("language")).orElseThrow(), files,
        SubmissionStatus.valueOf(row.getString("status")),
        result == null ? null : Json.decodeValue(result, JudgeResult.class),
        row.getTimestamp("created_at").toInstant(), judgedAt == null ? null : judgedAt.toInstant(),
        row.getString("attempt_id"), row.getString("queue"), row.getBoolean("run"));
  }
}
