package dev.gauntlet.platform.auth;

import dev.gauntlet.platform.account.StaffRole;

/** Who sent a request, as its session token says. */
public sealed interface Caller {
  /** A staff member, confined to their organisation. */
  record Staff(String accountId, String organisationId, StaffRole role) implements Caller {
    /** Managers and admins build assessments and review candidates. */
    public boolean manages() {
      return role == StaffRole.MANAGER || role == StaffRole.ADMIN;
    }
  }

  /**
   * A candidate, confined to one attempt. The link generation is the invitation link's at the time
   * the session was opened: a newer link ends the session.
   */
  record Candidate(String attemptId, int linkGeneration) implements Caller {
  }
}
