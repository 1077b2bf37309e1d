package dev.gauntlet.platform.attempt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret an invitation link carries: 256 random bits, shown once, kept only as a SHA-256
 * hash. A plain hash suffices where a password needs a slow one: nobody can guess 256 bits.
 */
public final class InvitationToken {
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private InvitationToken() {
  }

  /** A new token, Base64url without padding: safe in a URL as it is. */
  public static String make() {
    byte[] random = new byte[BYTES];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The hash that is kept and looked up, hex. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
