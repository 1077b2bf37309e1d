package dev.gauntlet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.platform.account.StaffAccount;
import dev.gauntlet.platform.account.StaffAccounts;
import dev.gauntlet.platform.account.StaffRole;
import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.assessment.Assessments;
import dev.gauntlet.platform.assessment.PinnedChallenge;
import dev.gauntlet.platform.assessment.ScoringRule;
import dev.gauntlet.platform.attempt.Attempt;
import dev.gauntlet.platform.attempt.AttemptStatus;
import dev.gauntlet.platform.attempt.Attempts;
import dev.gauntlet.platform.challenge.ChallengeVersions;
import dev.gauntlet.platform.challenge.VersionOrigin;
import dev.gauntlet.platform.challenge.VersionStatus;
import dev.gauntlet.platform.submission.StoredSubmission;
import dev.gauntlet.platform.submission.SubmissionRepository;
import dev.gauntlet.platform.submission.SubmissionStatus;
import dev.gauntlet.runner.authoring.VerificationReport;
import dev.gauntlet.runner.distribution.PackageArchive;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the repositories promise, run against each database the platform supports: the embedded H2
 * and PostgreSQL run the same migrations and must behave the same. Each test works on challenges of
 * its own, so the database is made once per class.
 */
abstract class RepositoryContract {
  private static final Instant T0 = Instant.parse("2026-12-04T10:15:30.123Z");

  private SubmissionRepository submissions;
  private ChallengeVersions versions;
  private String challenge;

  /** The migrated database under test, shared by the class's tests. */
  abstract Database database();

  @BeforeEach
  void repositories() {
    submissions = new SubmissionRepository(database().dataSource());
    versions = new ChallengeVersions(database().dataSource());
    challenge = "c-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @DisplayName("a submission reads back as it was stored, and gets its verdict exactly once")
  void submissionLifecycle() {
    versions.publish(challenge, archive("one"), VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0);
    var stored = new StoredSubmission(UUID.randomUUID().toString(), challenge, 1, Language.PYTHON,
        Map.of("main.py", "print('héllo, 世界')\n", "lib/util.py", ""), SubmissionStatus.QUEUED, null, T0, null);
    submissions.insert(stored);

    assertThat(submissions.find(stored.id())).contains(stored);
    assertThat(submissions.unfinishedIds()).contains(stored.id());

    submissions.markRunning(stored.id());
    assertThat(submissions.find(stored.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.RUNNING);

    var verdict = new JudgeResult(Verdict.ACCEPTED, 100, 100, "all tests passed", List.of());
    var judgedAt = T0.plusSeconds(3);
    assertThat(submissions.recordVerdict(stored.id(), verdict, judgedAt)).isTrue();
    assertThat(submissions.recordVerdict(stored.id(),
        new JudgeResult(Verdict.WRONG_ANSWER, 0, 100, "late and wrong", List.of()), judgedAt.plusSeconds(1))).isFalse();

    var judged = submissions.find(stored.id()).orElseThrow();
    assertThat(judged.status()).isEqualTo(SubmissionStatus.JUDGED);
    assertThat(judged.result()).isEqualTo(verdict);
    assertThat(judged.judgedAt()).isEqualTo(judgedAt);
    assertThat(submissions.unfinishedIds()).doesNotContain(stored.id());
  }

  @Test
  @DisplayName("a submission cannot name a version that was never published")
  void submissionNeedsItsVersion() {
    var orphan = new StoredSubmission(UUID.randomUUID().toString(), challenge, 1, Language.GO, Map.of("main.go", ""),
        SubmissionStatus.QUEUED, null, T0, null);

    assertThatThrownBy(() -> submissions.insert(orphan)).isInstanceOf(StorageException.class);
    assertThat(submissions.find(orphan.id())).isEmpty();
  }

  @Test
  @DisplayName("versions are numbered per challenge, the same content is kept once, and archives read back byte for byte")
  void publishing() {
    var first = archive("first");
    assertThat(versions.publish(challenge, first, VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0).changed()).isTrue();
    var again = versions.publish(challenge, first, VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0.plusSeconds(1));
    assertThat(again.changed()).isFalse();
    assertThat(again.version().version()).isEqualTo(1);

    var upload = archive("second");
    var second = versions.publish(challenge, upload, VersionOrigin.UPLOAD, VersionStatus.VERIFYING, T0.plusSeconds(2));
    assertThat(second.version().version()).isEqualTo(2);
    assertThat(versions.newestPublished(challenge).orElseThrow().version()).as("a version being verified is not offered")
        .isEqualTo(1);
    assertThat(versions.verifying()).extracting(v -> v.challengeId() + "/" + v.version()).contains(challenge + "/2");

    assertThat(versions.recordVerification(challenge, 2, passed())).isTrue();
    assertThat(versions.recordVerification(challenge, 2, passed())).as("recorded once").isFalse();
    assertThat(versions.newestPublished(challenge).orElseThrow().version()).isEqualTo(2);
    assertThat(versions.newestPublished()).extracting(v -> v.challengeId() + "/" + v.version())
        .contains(challenge + "/2").doesNotContain(challenge + "/1");

    assertThat(versions.archive(challenge, 1).orElseThrow().bytes()).isEqualTo(first.bytes());
    assertThat(versions.fetch(upload.hash()).orElseThrow().bytes()).isEqualTo(upload.bytes());
    assertThat(versions.find(challenge, 1).orElseThrow().publishedAt()).isEqualTo(T0);
  }

  @Test
  @DisplayName("a rejected upload sent again goes back to verification under its own number")
  void rejectedAgain() {
    var upload = archive("broken");
    versions.publish(challenge, upload, VersionOrigin.UPLOAD, VersionStatus.VERIFYING, T0);
    versions.recordVerification(challenge, 1, VerificationReport.failed(challenge, "the reference fails"));
    assertThat(versions.detail(challenge, 1).orElseThrow().verification().problems()).containsExactly("the reference fails");

    var resent = versions.publish(challenge, upload, VersionOrigin.UPLOAD, VersionStatus.VERIFYING, T0.plusSeconds(5));

    assertThat(resent.changed()).isTrue();
    assertThat(resent.version().version()).isEqualTo(1);
    assertThat(versions.find(challenge, 1).orElseThrow().status()).isEqualTo(VersionStatus.VERIFYING);
  }

  @Test
  @DisplayName("a version in use cannot be deleted; an unused one can, and its number is never given again")
  void deleting() {
    versions.publish(challenge, archive("a"), VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0);
    versions.publish(challenge, archive("b"), VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0);
    submissions.insert(new StoredSubmission(UUID.randomUUID().toString(), challenge, 1, Language.NODE,
        Map.of("main.js", ""), SubmissionStatus.QUEUED, null, T0, null));

    assertThatThrownBy(() -> versions.delete(challenge, 1)).isInstanceOf(ChallengeVersions.InUseException.class);
    assertThat(versions.find(challenge, 1)).isPresent();
    assertThat(versions.list(challenge)).extracting(d -> d.submissions()).containsExactly(0, 1);

    assertThat(versions.delete(challenge, 2)).isTrue();
    assertThat(versions.delete(challenge, 2)).isFalse();
    var third = versions.publish(challenge, archive("c"), VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0);
    assertThat(third.version().version()).isEqualTo(3);
  }

  @Test
  @DisplayName("two platforms publishing the same new challenge at once get one number each")
  void concurrentPublications() throws Exception {
    var tasks = new ArrayList<Callable<Integer>>();
    for (int i = 0; i < 8; i++) {
      var content = archive("racer " + i);
      tasks.add(() -> versions.publish(challenge, content, VersionOrigin.UPLOAD, VersionStatus.VERIFYING, T0)
          .version().version());
    }
    var numbers = new ArrayList<Integer>();
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (Future<Integer> number : pool.invokeAll(tasks)) {
        numbers.add(number.get());
      }
    }

    assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  @DisplayName("an organisation comes with its first account; a taken address is refused, case and all")
  void accounts() {
    var accounts = new StaffAccounts(database().dataSource());
    String org = UUID.randomUUID().toString();
    var admin = new StaffAccount(UUID.randomUUID().toString(), org, challenge + "@example.org", StaffRole.ADMIN,
        "pbkdf2-sha256$1$c2FsdA$aGFzaA", T0);
    accounts.createOrganisation("Acme " + challenge, admin);
    var manager = new StaffAccount(UUID.randomUUID().toString(), org, "m-" + challenge + "@example.org",
        StaffRole.MANAGER, "pbkdf2-sha256$1$c2FsdA$aGFzaA", T0.plusSeconds(1));
    accounts.create(manager);

    assertThat(accounts.byEmail(admin.email())).hasValue(admin);
    assertThat(accounts.byId(manager.id())).hasValue(manager);
    assertThat(accounts.ofOrganisation(org)).containsExactly(admin, manager);
    assertThat(organisationName(database().dataSource(), org)).hasValue("Acme " + challenge);
    var twin = new StaffAccount(UUID.randomUUID().toString(), org, admin.email(), StaffRole.AUTHOR, "x", T0);
    assertThatThrownBy(() -> accounts.create(twin)).isInstanceOfSatisfying(StorageException.class,
        e -> assertThat(e.isDuplicate()).isTrue());
    String other = UUID.randomUUID().toString();
    assertThatThrownBy(() -> accounts.createOrganisation("Twin", new StaffAccount(UUID.randomUUID().toString(), other,
        admin.email(), StaffRole.ADMIN, "x", T0))).isInstanceOf(StorageException.class);
    assertThat(organisationName(database().dataSource(), other)).as("rolled back with its account").isEmpty();
  }

  @Test
  @DisplayName("an assessment keeps its pinned challenges in order; an attempt opens once, and ends once")
  void assessmentsAndAttempts() {
    versions.publish(challenge, archive("pinned"), VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0);
    var accounts = new StaffAccounts(database().dataSource());
    String org = UUID.randomUUID().toString();
    var manager = new StaffAccount(UUID.randomUUID().toString(), org, challenge + "@example.org", StaffRole.MANAGER,
        "x", T0);
    accounts.createOrganisation("Org " + challenge, manager);
    var assessments = new Assessments(database().dataSource());
    var assessment = new Assessment(UUID.randomUUID().toString(), org, "Backend", Duration.ofMinutes(90),
        List.of(Language.JAVA, Language.PYTHON), ScoringRule.LAST, manager.id(), T0,
        List.of(new PinnedChallenge(challenge, 1)));
    assessments.create(assessment);

    assertThat(assessments.find(assessment.id())).hasValue(assessment);
    assertThat(assessments.ofOrganisation(org)).containsExactly(assessment);
    assertThatThrownBy(() -> versions.delete(challenge, 1)).as("pinned by the assessment")
        .isInstanceOf(ChallengeVersions.InUseException.class);

    var attempts = new Attempts(database().dataSource());
    var invited = new Attempt(UUID.randomUUID().toString(), assessment.id(), "cand@example.org", 1, T0,
        T0.plus(Duration.ofDays(14)), null, null, null);
    attempts.invite(invited, "a".repeat(64));
    assertThatThrownBy(() -> attempts.invite(new Attempt(UUID.randomUUID().toString(), assessment.id(),
        "cand@example.org", 1, T0, T0, null, null, null), "b".repeat(64)))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isDuplicate()).isTrue());
    assertThat(attempts.byTokenHash("a".repeat(64))).hasValue(new Attempts.Link(invited, false));

    Instant opened = T0.plusSeconds(60);
    Instant deadline = opened.plus(assessment.timeLimit());
    assertThat(attempts.open(invited.id(), 1, opened, deadline)).isTrue();
    assertThat(attempts.open(invited.id(), 1, opened.plusSeconds(5), deadline.plusSeconds(5))).as("used").isFalse();
    var started = attempts.find(invited.id()).orElseThrow();
    assertThat(started.startedAt()).isEqualTo(opened);
    assertThat(started.deadline()).isEqualTo(deadline);
    assertThat(started.status(opened.plusSeconds(1))).isEqualTo(AttemptStatus.STARTED);
    assertThat(started.status(deadline)).isEqualTo(AttemptStatus.EXPIRED);

    assertThat(attempts.replaceLink(invited.id(), "c".repeat(64), opened.plusSeconds(10), deadline)).isTrue();
    assertThat(attempts.byTokenHash("a".repeat(64))).isEmpty();
    assertThat(attempts.open(invited.id(), 1, opened.plusSeconds(20), deadline)).as("an old generation").isFalse();
    assertThat(attempts.open(invited.id(), 2, opened.plusSeconds(20), deadline.plusSeconds(20))).isTrue();
    assertThat(attempts.find(invited.id()).orElseThrow().deadline()).as("the clock is not reset").isEqualTo(deadline);

    assertThat(attempts.finish(invited.id(), deadline.plusSeconds(1))).as("after the deadline").isFalse();
    assertThat(attempts.finish(invited.id(), opened.plusSeconds(30))).isTrue();
    assertThat(attempts.finish(invited.id(), opened.plusSeconds(31))).isFalse();
    assertThat(attempts.find(invited.id()).orElseThrow().status(opened.plusSeconds(40)))
        .isEqualTo(AttemptStatus.SUBMITTED);
    assertThat(attempts.replaceLink(invited.id(), "d".repeat(64), opened.plusSeconds(50), deadline)).isFalse();
    assertThat(attempts.ofAssessment(assessment.id())).extracting(Attempt::id).containsExactly(invited.id());
  }

  @Test
  @DisplayName("an attempt's submission is stored only if its rate limit lets it, and listed oldest first")
  void attemptSubmissions() {
    versions.publish(challenge, archive("counted"), VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, T0);
    var accounts = new StaffAccounts(database().dataSource());
    String org = UUID.randomUUID().toString();
    var manager = new StaffAccount(UUID.randomUUID().toString(), org, challenge + "@example.org", StaffRole.MANAGER,
        "x", T0);
    accounts.createOrganisation("Org " + challenge, manager);
    var assessment = new Assessment(UUID.randomUUID().toString(), org, "Backend", Duration.ofMinutes(90),
        List.of(Language.PYTHON), ScoringRule.BEST, manager.id(), T0, List.of(new PinnedChallenge(challenge, 1)));
    new Assessments(database().dataSource()).create(assessment);
    var attempt = new Attempt(UUID.randomUUID().toString(), assessment.id(), "cand@example.org", 1, T0, T0, null, null,
        null);
    new Attempts(database().dataSource()).invite(attempt, challenge.repeat(8).substring(0, 64));
    var ids = new ArrayList<String>();
    var loads = new ArrayList<SubmissionRepository.AttemptLoad>();
    for (int i = 0; i < 3; i++) {
      var s = new StoredSubmission(UUID.randomUUID().toString(), challenge, 1, Language.PYTHON, Map.of("main.py", "1"),
          SubmissionStatus.QUEUED, null, T0.plusSeconds(30L * i), null, attempt.id(), assessment.queue(), i == 2);
      submissions.insert(s, T0.plusSeconds(30L * i - 30), loads::add);
      ids.add(s.id());
      if (i == 0) {
        submissions.recordVerdict(s.id(), new JudgeResult(Verdict.ACCEPTED, 1, 1, null, List.of()), T0);
      }
    }
    var refused = new StoredSubmission(UUID.randomUUID().toString(), challenge, 1, Language.PYTHON,
        Map.of("main.py", "1"), SubmissionStatus.QUEUED, null, T0.plusSeconds(90), null, attempt.id(),
        assessment.queue(), false);
    assertThatThrownBy(() -> submissions.insert(refused, T0, load -> {
      throw new IllegalStateException("over the limit with " + load);
    })).hasMessageContaining("AttemptLoad[recent=3, unfinished=2]");

    assertThat(loads).as("what each insert saw in flight before it").containsExactly(
        new SubmissionRepository.AttemptLoad(0, 0), new SubmissionRepository.AttemptLoad(1, 0),
        new SubmissionRepository.AttemptLoad(1, 1));
    assertThat(submissions.find(refused.id())).as("refused by its check, so not stored").isEmpty();
    assertThat(submissions.ofAttempt(attempt.id())).extracting(StoredSubmission::id).containsExactlyElementsOf(ids);
    assertThat(submissions.find(ids.get(1)).orElseThrow().queue()).isEqualTo("assessment-" + assessment.id());
    assertThat(submissions.ofAttempt(attempt.id())).extracting(StoredSubmission::run).containsExactly(false, false, true);
  }

  private static VerificationReport passed() {
    return new VerificationReport("pkg", List.of(), List.of(), List.of());
  }

  /** Archive bytes are opaque here; zero bytes and high bits check that they travel as binary. */
  private static PackageArchive archive(String text) {
    byte[] bytes = ("\0\u00ff" + text).getBytes(StandardCharsets.ISO_8859_1);
    try {
      return new PackageArchive(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** The organisation's name as stored; the platform itself never reads it back. */
  private static Optional<String> organisationName(DataSource dataSource, String id) {
    return new Sql(dataSource).query("read an organisation", row -> row.getString(1),
        "select name from organisation where id = ?", id).stream().findFirst();
  }
}
