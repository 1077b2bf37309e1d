package dev.gauntlet.platform.challenge;

import dev.gauntlet.runner.authoring.VerificationReport;
import java.time.Instant;

/**
 * One immutable version of a challenge package.
 *
 * @param contentHash  SHA-256 of the package archive; null only when {@code UNAVAILABLE}
 * @param submissions  how many submissions are pinned to it; a version in use cannot be deleted
 * @param verification what verifying an uploaded version found; null for bundled ones and while verifying
 */
public record ChallengeVersion(String challengeId, int version, String contentHash, VersionOrigin origin,
                               VersionStatus status, Instant publishedAt, int submissions,
                               VerificationReport verification) {
}
