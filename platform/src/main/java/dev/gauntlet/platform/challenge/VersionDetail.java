package dev.gauntlet.platform.challenge;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gauntlet.runner.authoring.VerificationReport;

/**
 * A version as an author reads it: what is counted and parsed only for them, never on a
 * candidate's path.
 *
 * @param submissions  how many submissions are pinned to it; a version in use cannot be deleted
 * @param verification what verifying an uploaded version found; null for bundled ones and while verifying
 */
public record VersionDetail(@JsonUnwrapped ChallengeVersion version, int submissions,
                            VerificationReport verification) {
}
