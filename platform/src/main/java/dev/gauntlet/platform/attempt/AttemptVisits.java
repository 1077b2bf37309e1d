package dev.gauntlet.platform.attempt;

import dev.gauntlet.platform.assessment.Assessment;
import dev.gauntlet.platform.assessment.Assessments;
import dev.gauntlet.platform.auth.Caller;
import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import java.time.Instant;

/**
 * Who may see an attempt: its own candidate, in a session of its current link, and the managers and
 * admins of the assessment's organisation. Everyone else is told there is no such attempt, which
 * is what they may know. Blocking.
 */
public final class AttemptVisits {
  private final Attempts attempts;
  private final Assessments assessments;

  public AttemptVisits(Attempts attempts, Assessments assessments) {
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

  /** Why an attempt takes no more work. */
  static ProblemException closed(Attempt attempt) {
    return new ProblemException(ProblemType.ATTEMPT_CLOSED, attempt.finishedAt() != null
        ? "this attempt was finished at " + attempt.finishedAt() + "; its submissions stand as they are"
        : "this attempt's time ran out at " + attempt.deadline() + "; the last submission of each challenge counts");
  }

  /**
   * Like {@link #asCandidate}, for work that only a running attempt takes: submissions, runs and
   * drafts.
   */
  Visit running(Caller caller, String attemptId, String doing, Instant now) {
    var visit = asCandidate(caller, attemptId, doing);
    if (visit.attempt().status(now) != AttemptStatus.STARTED) {
      throw closed(visit.attempt());
    }
    return visit;
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
