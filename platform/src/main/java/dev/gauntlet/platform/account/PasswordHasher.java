package dev.gauntlet.platform.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 at OWASP's 2023 work factor, from the JDK alone. A stored hash names its own
 * iteration count, so raising the factor later leaves existing passwords working. Slow on purpose
 * (a few hundred milliseconds): call it off the event loop.
 */
public final class PasswordHasher {
  public static final int MIN_PASSWORD_LENGTH = 12;
  /** Longer passwords only cost hashing time; no passphrase needs more. */
  public static final int MAX_PASSWORD_LENGTH = 256;
  private static final String ALGORITHM = "pbkdf2-sha256";
  private static final int ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  /** Checked against when there is no account, so that a wrong e-mail address takes as long as a wrong password. */
  private static final String DECOY = new PasswordHasher().hash("decoy password of no account".toCharArray());

  private final SecureRandom random = new SecureRandom();

  /** Null when the password is acceptable, else what is wrong with it. */
  public static String weakness(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      return "a password needs at least " + MIN_PASSWORD_LENGTH + " characters";
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      return "a password may have at most " + MAX_PASSWORD_LENGTH + " characters";
    }
    return null;
  }

  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    var b64 = Base64.getEncoder().withoutPadding();
    return ALGORITHM + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether the password matches the stored hash; a null hash is checked against a decoy and never matches. */
  public boolean matches(char[] password, String stored) {
    String[] parts = (stored == null ? DECOY : stored).split("\\$");
    if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
      throw new IllegalStateException("a stored password hash is not of the form " + ALGORITHM + "$n$salt$hash");
    }
    var b64 = Base64.getDecoder();
    byte[] expected = b64.decode(parts[3]);
    boolean same = MessageDigest.isEqual(expected, derive(password, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    return same && stored != null;
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    var spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
