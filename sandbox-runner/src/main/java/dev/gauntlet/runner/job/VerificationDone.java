package dev.gauntlet.runner.job;

import dev.gauntlet.runner.authoring.VerificationReport;

/**
 * A runner's verification of an uploaded package version, sent to the platform, which records it
 * once, and only from the runner that holds the job's lease.
 */
public record VerificationDone(Lease lease, String challengeId, int challengeVersion, VerificationReport report) {
  /** Event-bus address the platform answers on, with a {@link ReportOutcome}, once the report is safe or refused. */
  public static final String ADDRESS = "gauntlet.verifications";
}
