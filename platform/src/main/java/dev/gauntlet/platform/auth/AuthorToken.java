package dev.gauntlet.platform.auth;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The bearer token that lets scripts upload, delete and diff package versions as an author session
 * would. Configured, or else made once per data folder and kept in a file only its owner reads, so
 * that it survives restarts.
 */
public final class AuthorToken {
  public static final String FILE = "author-token";
  /** The shortest token taken; {@code PlatformConfig} holds a configured one to the same. */
  public static final int MIN_LENGTH = 16;

  private final byte[] expected;

  private AuthorToken(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The configured token when it is not blank, else the one kept in the data folder, made on first
   * use; a kept token that is too short (edited by hand, say) stops the start.
   */
  public static AuthorToken of(String configured, Path dataDir) {
    return new AuthorToken(configured.isBlank()
        ? KeptSecret.readOrMake(dataDir.resolve(FILE), 24, MIN_LENGTH, "author token")
        : configured.strip());
  }

  /** Whether the request carries the token, compared in constant time so that timing leaks no prefix. */
  boolean carriedBy(RoutingContext ctx) {
    String given = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
  }
}
