package dev.gauntlet.platform.auth;

import dev.gauntlet.platform.http.ProblemException;
import dev.gauntlet.platform.http.ProblemType;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token that lets challenge authors upload, delete and diff package versions, until
 * staff accounts exist. Configured, or else made once per data folder and kept in a file only its
 * owner reads, so that it survives restarts.
 */
public final class AuthorToken implements Handler<RoutingContext> {
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
    if (!configured.isBlank()) {
      return new AuthorToken(configured.strip());
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        make(file);
      }
      String kept = Files.readString(file).strip();
      if (kept.length() < MIN_LENGTH) {
        throw new IllegalStateException(file + " holds no author token of " + MIN_LENGTH + " characters or more;"
            + " delete it to have a new one made");
      }
      return new AuthorToken(kept);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or make the author token in " + file, e);
    }
  }

  /**
   * Written beside its place, then linked in: a crash never leaves half a token, and of two platforms
   * starting on one data folder the first to link wins (a link, unlike a rename, never replaces).
   */
  private static void make(Path file) throws IOException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    Path partial = Files.createTempFile(file.getParent(), FILE, ".partial",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(partial, HexFormat.of().formatHex(random));
    try {
      Files.createLink(file, partial);
    } catch (FileAlreadyExistsException e) {
      // Made by the other platform; its token is the one.
    } finally {
      Files.delete(partial);
    }
  }

  /** Lets the request on when it carries the token; answers 401 otherwise. */
  @Override
  public void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    // Compared in constant time, so that the answer's timing does not leak how much of it matched.
    if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    ctx.fail(new ProblemException(ProblemType.UNAUTHORIZED, given == null
        ? "this needs the author token: send Authorization: Bearer <token> (the platform's log says where it is kept)"
        : "the author token does not match"));
  }
}
