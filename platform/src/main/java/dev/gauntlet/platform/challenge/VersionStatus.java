package dev.gauntlet.platform.challenge;

/** Where a challenge version stands; only a {@code PUBLISHED} one is offered to candidates. */
public enum VersionStatus {
  /** Uploaded; a runner is judging its references and known submissions. */
  VERIFYING,
  PUBLISHED,
  /** Uploaded, but did not verify; its report says why. */
  REJECTED,
  /** Recorded before Gauntlet kept package content: the number is known, the package is not. */
  UNAVAILABLE
}
