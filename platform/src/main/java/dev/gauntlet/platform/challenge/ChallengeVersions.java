package dev.gauntlet.platform.challenge;

import dev.gauntlet.platform.storage.Sql;
import dev.gauntlet.platform.storage.StorageException;
import dev.gauntlet.runner.authoring.VerificationReport;
import dev.gauntlet.runner.distribution.ArchiveSource;
import dev.gauntlet.runner.distribution.PackageArchive;
import io.vertx.core.json.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Challenge versions in SQL, archives included. Publishing content that differs from a challenge's
 * newest version makes the next version; publishing the same content again changes nothing. Version
 * numbers are never reused, and submissions are pinned to theirs by a foreign key, so a version in
 * use cannot be deleted even by a race. Blocking JDBC: call it from a worker thread.
 */
public final class ChallengeVersions implements ArchiveSource {
  /** SQLSTATE of a foreign-key violation, the same in H2 and PostgreSQL. */
  private static final String IN_USE = "23503";
  private static final String COLUMNS = "v.challenge_id, v.version, v.content_hash, v.origin, v.status,"
      + " v.published_at";
  /** An author's view of a version adds what the catalog never needs: the report and the use count. */
  private static final String DETAIL_COLUMNS = COLUMNS + ", v.report, (select count(*) from submission s"
      + " where s.challenge_id = v.challenge_id and s.challenge_version = v.version) as submissions";

  private final Sql sql;

  public ChallengeVersions(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  /**
   * What publishing did: the version that holds the content, and whether this call changed
   * anything (made it, or sent a rejected upload of the same content back to verification).
   */
  public record Publication(ChallengeVersion version, boolean changed) {
  }

  /** Thrown when a version cannot be deleted because submissions are pinned to it. */
  public static final class InUseException extends RuntimeException {
    InUseException(String message) {
      super(message, null, false, false);
    }
  }

  public Publication publish(String challengeId, PackageArchive archive, VersionOrigin origin, VersionStatus status,
                             Instant now) {
    addChallenge(challengeId);
    return sql.inTransaction("publish " + challengeId, c -> {
      // The challenge row is the lock: two platforms publishing the same challenge take turns.
      int last = Sql.query(c, row -> row.getInt(1), "select last_version from challenge where id = ? for update",
          challengeId).getFirst();
      // The catalog folder is compared with what it published last, so that restarting a platform
      // never publishes the folder over a newer upload; an upload is compared with the newest of all.
      var newest = Sql.query(c, ChallengeVersions::read, "select " + COLUMNS + " from challenge_version v"
          + " where v.challenge_id = ?" + (origin == VersionOrigin.BUNDLED ? " and v.origin = 'BUNDLED'" : "")
          + " order by v.version desc fetch first 1 rows only", challengeId);
      if (!newest.isEmpty() && archive.hash().equals(newest.getFirst().contentHash())) {
        return again(c, newest.getFirst(), status);
      }
      int version = last + 1;
      Sql.update(c, "update challenge set last_version = ? where id = ?", version, challengeId);
      Sql.update(c, "insert into package_archive (content_hash, archive) select ?, ? where not exists"
          + " (select 1 from package_archive where content_hash = ?)", archive.hash(), archive.bytes(), archive.hash());
      Sql.update(c, "insert into challenge_version (challenge_id, version, content_hash, origin, status, published_at)"
              + " values (?, ?, ?, ?, ?, ?)", challengeId, version, archive.hash(), origin.name(), status.name(),
          Timestamp.from(now));
      return new Publication(new ChallengeVersion(challengeId, version, archive.hash(), origin, status, now), true);
    });
  }

  /**
   * The same content published again changes nothing, except that an upload which was rejected goes
   * back to verification: it may have failed on a runner's bad day, and its number stays its own.
   */
  private static Publication again(Connection c, ChallengeVersion same, VersionStatus status) throws SQLException {
    if (same.status() != VersionStatus.REJECTED || status != VersionStatus.VERIFYING) {
      return new Publication(same, false);
    }
    Sql.update(c, "update challenge_version set status = ?, report = null where challenge_id = ? and version = ?",
        VersionStatus.VERIFYING.name(), same.challengeId(), same.version());
    return new Publication(same.with(VersionStatus.VERIFYING), true);
  }

  /** Outside the publishing transaction, so that two first publications cannot both fail on it. */
  private void addChallenge(String challengeId) {
    try {
      sql.update("add challenge " + challengeId, "insert into challenge (id, last_version) select ?, 0 where not exists"
          + " (select 1 from challenge where id = ?)", challengeId, challengeId);
    } catch (StorageException e) {
      if (!e.isDuplicate()) {
        throw e;
      }
    }
  }

  /** Every version of a challenge, newest first; empty when there is no such challenge. */
  public List<VersionDetail> list(String challengeId) {
    return sql.query("list versions of " + challengeId, ChallengeVersions::readDetail,
        "select " + DETAIL_COLUMNS + " from challenge_version v where v.challenge_id = ? order by v.version desc",
        challengeId);
  }

  public Optional<VersionDetail> detail(String challengeId, int version) {
    return sql.query("read a challenge version", ChallengeVersions::readDetail,
        "select " + DETAIL_COLUMNS + " from challenge_version v where v.challenge_id = ? and v.version = ?",
        challengeId, version).stream().findFirst();
  }

  public Optional<ChallengeVersion> find(String challengeId, int version) {
    return sql.query("read a challenge version", ChallengeVersions::read,
        "select " + COLUMNS + " from challenge_version v where v.challenge_id = ? and v.version = ?",
        challengeId, version).stream().findFirst();
  }

  /** The newest published version of each challenge, by id. */
  public List<ChallengeVersion> newestPublished() {
    return sql.query("list challenges", ChallengeVersions::read, "select " + COLUMNS + " from challenge_version v"
        + " where v.status = ? and v.version = (select max(p.version) from challenge_version p"
        + " where p.challenge_id = v.challenge_id and p.status = ?) order by v.challenge_id",
        VersionStatus.PUBLISHED.name(), VersionStatus.PUBLISHED.name());
  }

  public Optional<ChallengeVersion> newestPublished(String challengeId) {
    return sql.query("read challenge " + challengeId, ChallengeVersions::read, "select " + COLUMNS
        + " from challenge_version v where v.challenge_id = ? and v.status = ? order by v.version desc"
        + " fetch first 1 rows only", challengeId, VersionStatus.PUBLISHED.name()).stream().findFirst();
  }

  /** Uploaded versions still waiting for their verification. */
  public List<ChallengeVersion> verifying() {
    return sql.query("list versions being verified", ChallengeVersions::read,
        "select " + COLUMNS + " from challenge_version v where v.status = ? order by v.published_at",
        VersionStatus.VERIFYING.name());
  }

  /** The archive of one version, for judging or diffing it. */
  public Optional<PackageArchive> archive(String challengeId, int version) {
    return sql.query("read a package archive", ChallengeVersions::archive, "select a.content_hash, a.archive"
        + " from challenge_version v join package_archive a on a.content_hash = v.content_hash"
        + " where v.challenge_id = ? and v.version = ?", challengeId, version).stream().findFirst();
  }

  @Override
  public Optional<PackageArchive> fetch(String hash) {
    return sql.query("read a package archive", ChallengeVersions::archive,
        "select content_hash, archive from package_archive where content_hash = ?", hash).stream().findFirst();
  }

  /**
   * Stores how verifying an uploaded version went, once: a version that is no longer being
   * verified (verified already, or deleted) is left alone. True when this call stored it.
   */
  public boolean recordVerification(String challengeId, int version, VerificationReport report) {
    var status = report.passed() ? VersionStatus.PUBLISHED : VersionStatus.REJECTED;
    return sql.update("store a verification", "update challenge_version set status = ?, report = ?"
            + " where challenge_id = ? and version = ? and status = ?", status.name(), Json.encode(report),
        challengeId, version, VersionStatus.VERIFYING.name()) == 1;
  }

  /** Deletes an unused version; false when there is none, {@link InUseException} when submissions are pinned to it. */
  public boolean delete(String challengeId, int version) {
    try {
      return sql.inTransaction("delete a challenge version", c -> {
        var hash = Sql.query(c, row -> row.getString(1), "select content_hash from challenge_version"
            + " where challenge_id = ? and version = ?", challengeId, version);
        if (hash.isEmpty()) {
          return false;
        }
        Sql.update(c, "delete from challenge_version where challenge_id = ? and version = ?", challengeId, version);
        Sql.update(c, "delete from package_archive where content_hash = ? and not exists"
            + " (select 1 from challenge_version where content_hash = ?)", hash.getFirst(), hash.getFirst());
        return true;
      });
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException cause && IN_USE.equals(cause.getSQLState())) {
        throw new InUseException("version " + version + " of " + challengeId
            + " has submissions or assessments pinned to it; a version in use cannot be deleted");
      }
      throw e;
    }
  }

  private static PackageArchive archive(ResultSet row) throws SQLException {
    return new PackageArchive(row.getString("content_hash"), row.getBytes("archive"));
  }

  private static ChallengeVersion read(ResultSet row) throws SQLException {
    return new ChallengeVersion(row.getString("challenge_id"), row.getInt("version"), row.getString("content_hash"),
        VersionOrigin.valueOf(row.getString("origin")), VersionStatus.valueOf(row.getString("status")),
        row.getTimestamp("published_at").toInstant());
  }

  private static VersionDetail readDetail(ResultSet row) throws SQLException {
    String report = row.getString("report");
    return new VersionDetail(read(row), row.getInt("submissions"),
        report == null ? null : Json.decodeValue(report, VerificationReport.class));
  }
}
