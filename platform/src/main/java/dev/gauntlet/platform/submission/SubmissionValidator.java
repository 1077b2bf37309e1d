package dev.gauntlet.platform.submission;

import static dev.gauntlet.platform.http.ApiLimits.MAX_FILES;
import static dev.gauntlet.platform.http.ApiLimits.MAX_FILE_BYTES;
import static dev.gauntlet.platform.http.ApiLimits.MAX_TOTAL_FILE_BYTES;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.docker.SandboxPaths;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a submission request against the catalog and the API's limits before anything is stored,
 * and pins it to the challenge's newest published version. Blocking: it reads the catalog.
 */
final class SubmissionValidator {
  private final ChallengeCatalog catalog;

  SubmissionValidator(ChallengeCatalog catalog) {
    this.catalog = catalog;
  }

  StoredSubmission accept(SubmissionRequest request, Instant now) {
    var served = catalog.published(require(request.challenge(), "challenge"))
        .orElseThrow(() -> invalid("unknown challenge '" + request.challenge() + "'; GET /api/v1/challenges lists them"));
    ChallengePackage pkg = served.pkg();
    Language language = Language.byId(require(request.language(), "language"))
        .filter(pkg.manifest().languages()::contains)
        .orElseThrow(() -> invalid("challenge '" + pkg.id() + "' takes " + pkg.manifest().languages().stream()
            .map(Language::id).toList() + ", not '" + request.language() + "'"));
    checkFiles(require(request.files(), "files"), language, pkg.manifest().entryFile(language));
    return new StoredSubmission(UUID.randomUUID().toString(), pkg.id(), served.version().version(), language,
        request.files(), SubmissionStatus.QUEUED, null, now, null);
  }

  private static void checkFiles(Map<String, String> files, Language language, String entryFile) {
    if (files.isEmpty() || files.size() > MAX_FILES) {
      throw invalid("files must hold between 1 and " + MAX_FILES + " files, had " + files.size());
    }
    long total = 0;
    for (var file : files.entrySet()) {
      String path = file.getKey();
      if (!SandboxPaths.isPlainRelative(path)) {
        throw invalid("file name '" + path + "' must be a relative path of " + SandboxPaths.ALLOWED);
      }
      if (file.getValue() == null || file.getValue().isBlank()) {
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
    if (!files.containsKey(entryFile)) {
      throw invalid("a " + language.id() + " submission to this challenge needs " + entryFile);
    }
  }

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw invalid(field + " is required");
    }
    return value;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_SUBMISSION, detail);
  }
}
