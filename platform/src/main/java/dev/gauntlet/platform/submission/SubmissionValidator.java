package dev.gauntlet.platform.submission;

import static dev.gauntlet.platform.http.ApiLimits.MAX_FILES;
import static dev.gauntlet.platform.http.ApiLimits.MAX_FILE_BYTES;
import static dev.gauntlet.platform.http.ApiLimits.MAX_TOTAL_FILE_BYTES;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.docker.SandboxPaths;
import dev.gauntlet.runner.job.Job;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Collection;
import java.util.UUID;

/**
 * Checks a submission request against the catalog and the API's limits before anything is stored.
 * Blocking: it reads the catalog.
 */
public final class SubmissionValidator {
  private final ChallengeCatalog catalog;

  public SubmissionValidator(ChallengeCatalog catalog) {
    this.catalog = catalog;
  }

  /** A submission outside any assessment, pinned to the challenge's newest published version. */
  StoredSubmission accept(SubmissionRequest request, Instant now) {
    var served = catalog.published(require(request.challenge(), "challenge"))
        .orElseThrow(() -> invalid("unknown challenge '" + request.challenge() + "'; GET /api/v1/challenges lists them"));
    return accept(request, served, served.pkg().manifest().languages(), null, Job.OPEN_QUEUE, false, now);
  }

  /**
   * A submission of the served version in one of the languages allowed (and the challenge's), for
   * an attempt and judged from the given queue; a run is judged on the public tests alone.
   */
  public StoredSubmission accept(SubmissionRequest request, ChallengeCatalog.Served served, Collection<Language> allowed,
                                 String attemptId, String queue, boolean run, Instant now) {
    ChallengePackage pkg = served.pkg();
    var taken = pkg.manifest().languages().stream().filter(allowed::contains).toList();
    Language language = Language.byId(require(request.language(), "language"))
        .filter(taken::contains)
        .orElseThrow(() -> invalid("challenge '" + pkg.id() + "' takes " + taken.stream().map(Language::id).toList()
            + " here, not '" + request.language() + "'"));
    var files = require(request.files(), "files");
    checkFiles(files, false);
    String entryFile = pkg.manifest().entryFile(language);
    if (!files.containsKey(entryFile)) {
      throw invalid("a " + language.id() + " submission to this challenge needs " + entryFile);
    }
    return new StoredSubmission(UUID.randomUUID().toString(), pkg.id(), served.version().version(), language,
        files, SubmissionStatus.QUEUED, null, now, null, attemptId, queue, run);
  }

  /** Checks a draft's files against the same limits; a draft may have empty files, and miss some. */
  public static void checkDraft(Map<String, String> files) {
    checkFiles(files, true);
  }

  private static void checkFiles(Map<String, String> files, boolean draft) {
    if (files.isEmpty() || files.size() > MAX_FILES) {
      throw invalid("files must hold between 1 and " + MAX_FILES + " files, had " + files.size());
    }
    long total = 0;
    for (var file : files.entrySet()) {
      String path = file.getKey();
      if (!SandboxPaths.isPlainRelative(path)) {
        throw invalid("file name '" + path + "' must be a relative path of " + SandboxPaths.ALLOWED);
      }
      if (file.getValue() == null || (!draft && file.getValue().isBlank())) {
        throw invalid("file '" + path + "' is empty");
      }
      int size = file.getValue().getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_FILE_BYTES) {
        throw invalid("file '" + path + "' has " + size + " bytes; the limit is " + MAX_FILE_BYTES);
      }
      total += size;
    }
    if (total > MAX_TOTAL_FILE_BYTES) {
      throw invalid("the files have " + total + " bytes together; the limit is " + MAX_TOTAL_FILE_BYTES);
    }
  }

  public static <T> T require(T value, String field) {
    if (value == null) {
      throw invalid(field + " is required");
    }
    return value;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_SUBMISSION, detail);
  }
}
