package dev.gauntlet.platform.similarity;

import dev.gauntlet.platform.account.StaffRole;
import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.assessment.Assessments;
import dev.gauntlet.platform.attempt.AttemptScores;
import dev.gauntlet.platform.attempt.Attempts;
import dev.gauntlet.platform.auth.Access;
import dev.gauntlet.platform.auth.Caller;
import dev.gauntlet.platform.challenge.ChallengeCatalog;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import dev.gauntlet.platform.http.Replies;
import dev.gauntlet.platform.http.Routes;
import dev.gauntlet.runner.language.Language;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/assessments/{id}/similarity}: the pairs of candidates whose counted answers to
 * the same challenge look alike, for the assessment's managers to look into. Computed when asked,
 * from the submissions that count under the assessment's rule.
 */
public final class SimilarityRoutes implements Routes {
  private final Vertx vertx;
  private final Assessments assessments;
  private final Attempts attempts;
  private final AttemptScores scores;
  private final ChallengeCatalog catalog;
  private final Access access;
  private final SimilarityCheck check = new SimilarityCheck();

  public SimilarityRoutes(Vertx vertx, Assessments assessments, Attempts attempts, AttemptScores scores,
                          ChallengeCatalog catalog, Access access) {
    this.vertx = vertx;
    this.assessments = assessments;
    this.attempts = attempts;
    this.scores = scores;
    this.catalog = catalog;
    this.access = access;
  }

  /** What the check found, and the bar a pair had to reach. */
  public record Report(double thresholdPercent, List<SimilarPair> pairs) {
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/assessments/:id/similarity").handler(access.staff(StaffRole.MANAGER, StaffRole.ADMIN))
        .handler(ctx -> Replies.json(vertx, ctx, () -> {
          String id = ctx.pathParam("id");
          var assessment = assessments.find(id, ((Caller.Staff) Access.caller(ctx)).organisationId())
              .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no assessment " + id));
          return new Report(SimilarityCheck.THRESHOLD_PERCENT, pairs(assessment));
        }));
  }

  private List<SimilarPair> pairs(Assessment assessment) {
    // Per challenge, per language: the answers that count, one per candidate.
    var answers = new TreeMap<String, Map<String, List<Answer>>>();
    for (var scored : scores.of(assessment, attempts.ofAssessment(assessment.id()))) {
      var attempt = scored.attempt();
      for (var counted : scored.score().challenges()) {
        scored.submissions().stream().filter(s -> s.id().equals(counted.submissionId())).findFirst()
            .ifPresent(s -> answers
                .computeIfAbsent(s.challengeId(), c -> new TreeMap<>())
                .computeIfAbsent(s.language().id(), l -> new ArrayList<>())
                .add(new Answer(attempt.id(), attempt.email(), s.id(), s.files())));
      }
    }
    var pairs = new ArrayList<SimilarPair>();
    for (var pinned : assessment.challenges()) {
      var served = catalog.at(pinned.challengeId(), pinned.version());
      answers.getOrDefault(pinned.challengeId(), Map.of()).forEach((languageId, sameLanguage) -> {
        var language = Language.byId(languageId).orElseThrow();
        var starter = served.map(s -> s.pkg().starters().getOrDefault(language, Map.of())).orElse(Map.of());
        pairs.addAll(check.compare(pinned.challengeId(), language, starter, sameLanguage));
      });
    }
    return pairs;
  }
}
