package dev.gauntlet.platform.assessment;

/** A challenge of an assessment at the version that was newest when the assessment was made. */
public record PinnedChallenge(String challengeId, int version) {
}
