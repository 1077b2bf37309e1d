package dev.gauntlet.platform.challenge;

import java.time.Instant;

/**
 * One immutable version of a challenge package, as judging and the catalog need it.
 *
 * @param contentHash SHA-256 of the package archive; null only when {@code UNAVAILABLE}
 */
public record ChallengeVersion(String challengeId, int version, String contentHash, VersionOrigin origin,
                               VersionStatus status, Instant publishedAt) {
  /** The same version with another status. */
  ChallengeVersion with(VersionStatus newStatus) {
    return new ChallengeVersion(challengeId, version, contentHash, origin, newStatus, publishedAt);
  }
}
