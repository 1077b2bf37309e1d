package dev.gauntlet.platform.assessment;

import dev.gauntlet.platform.storage.Sql;
import dev.gauntlet.runner.language.Language;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Assessments and their pinned challenges in SQL. Blocking JDBC: call it from a worker thread. */
public final class Assessments {
  private static final String COLUMNS = "id, organisation_id, name, time_limit_minutes, languages, scoring,"
      + " created_by, created_at";

  private final Sql sql;

  public Assessments(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  public void create(Assessment a) {
    sql.inTransaction("create assessment " + a.name(), c -> {
      Sql.update(c, "insert into assessment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", a.id(),
          a.organisationId(), a.name(), (int) a.timeLimit().toMinutes(),
          a.languages().stream().map(Language::id).collect(Collectors.joining(",")), a.scoring().name(),
          a.createdBy(), Timestamp.from(a.createdAt()));
      int position = 0;
      for (PinnedChallenge pinned : a.challenges()) {
        Sql.update(c, "insert into assessment_challenge (assessment_id, position, challenge_id, challenge_version)"
            + " values (?, ?, ?, ?)", a.id(), position++, pinned.challengeId(), pinned.version());
      }
      return null;
    });
  }

  public Optional<Assessment> find(String id) {
    return sql.inTransaction("read an assessment", c -> {
      var found = Sql.query(c, row -> row(c, row), "select " + COLUMNS + " from assessment where id = ?", id);
      return found.stream().findFirst();
    });
  }

  /** The assessment when it belongs to the organisation: to anyone else it is not there. */
  public Optional<Assessment> find(String id, String organisationId) {
    return find(id).filter(a -> a.organisationId().equals(organisationId));
  }

  /** Whether any assessment pins a version of the challenge. */
  public boolean pins(String challengeId) {
    return !sql.query("look for assessments of a challenge", row -> row.getInt(1),
        "select 1 from assessment_challenge where challenge_id = ? fetch first 1 rows only", challengeId).isEmpty();
  }

  /** The organisation's assessments, newest first. */
  public List<Assessment> ofOrganisation(String organisationId) {
    return sql.inTransaction("list assessments", c -> Sql.query(c, row -> row(c, row), "select " + COLUMNS
        + " from assessment where organisation_id = ? order by created_at desc, id", organisationId));
  }

  private static Assessment row(Connection c, ResultSet row) throws SQLException {
    String id = row.getString("id");
    var challenges = Sql.query(c, r -> new PinnedChallenge(r.getString(1), r.getInt(2)),
        "select challenge_id, challenge_version from assessment_challenge where assessment_id = ? order by position", id);
    var languages = Arrays.stream(row.getString("languages").split(",")).map(l -> Language.byId(l).orElseThrow())
        .toList();
    return new Assessment(id, row.getString("organisation_id"), row.getString("name"),
        Duration.ofMinutes(row.getInt("time_limit_minutes")), languages, ScoringRule.valueOf(row.getString("scoring")),
        row.getString("created_by"), row.getTimestamp("created_at").toInstant(), challenges);
  }
}
