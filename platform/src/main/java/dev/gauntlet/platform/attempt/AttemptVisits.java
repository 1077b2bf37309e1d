package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.assessment.Assessments;
import dev.gauntlet.platform.auth.Caller;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;

/**
 * Who may see an attempt: its own candidate, in a session of its current link, and the managers and
 * admins of the assessment's organisation. Everyone else is told there is no such attempt, which
 * is what they may know. Blocking.
 */
final class AttemptVisits {
  private final Attempts attempts;
  private final Assessments assessments;

  AttemptVisits(Attempts attempts, Assessments assessments) {
    this.attempts = attempts;
    this.assessments = assessments;
  }

  /** An attempt that the caller may see, and as whom. */
  record Visit(Attempt attempt, Assessment assessment, boolean reviewer) {
  }

  Visit visit(Caller caller, String attemptId) {
    var notFound = new ProblemException(ProblemType.NOT_FOUND, "no attempt " + attemptId);
    if (caller instanceof Caller.Candidate candidate && !candidate.attemptId().equals(attemptId)) {
      throw notFound;
    }
    var attempt = attempts.find(attemptId).orElseThrow(() -> notFound);
    var assessment = assessments.find(attempt.assessmentId()).orElseThrow(() -> notFound);
    return switch (caller) {
      case Caller.Candidate candidate -> {
        if (candidate.linkGeneration() != attempt.linkGeneration()) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "a newer invitation link replaced the one this session"
              + " was opened with; open the newest link");
        }
        yield new Visit(attempt, assessment, false);
      }
      case Caller.Staff staff -> {
        if (!staff.manages() || !staff.organisationId().equals(assessment.organisationId())) {
          throw notFound;
        }
        yield new Visit(attempt, assessment, true);
      }
    };
  }

  /** Like {@link #visit}, for what only the attempt's candidate may do. */
  Visit asCandidate(Caller caller, String attemptId, String doing) {
    var visit = visit(caller, attemptId);
    if (visit.reviewer()) {
      throw new ProblemException(ProblemType.FORBIDDEN, "only the candidate " + doing);
    }
    return visit;
  }
}
