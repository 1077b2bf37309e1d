package dev.gauntlet.platform.account;

import java.time.Instant;

/** A staff member's account; the e-mail address is kept lower-cased. */
public record StaffAccount(String id, String organisationId, String email, StaffRole role, String passwordHash,
                           Instant createdAt) {
  /** Never prints the password hash, which a log must not hold. */
  @Override
  public String toString() {
    return "StaffAccount[id=%s, organisationId=%s, email=%s, role=%s]".formatted(id, organisationId, email, role);
  }
}
