package dev.gauntlet.platform.auth;

import java.time.Instant;

/** A signed session token and when it stops working. */
public record Session(String token, Instant expiresAt) {
}
