package dev.gauntlet.harness.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one line of standard output the judge believes: the report's body with an HMAC made with a key
 * that exists for one run. The candidate's class shares standard output with the harness and may
 * print anything, a line that looks like a report too; without the key it cannot make one that
 * verifies.
 */
public final class Signature {
  private static final String PREFIX = "gauntlet-report ";
  private static final String ALGORITHM = "HmacSHA256";

  private Signature() {
  }

  /**
   * A signer bound to {@code key} now. The harness makes it before any class of the candidate is
   * loaded: a cryptographic provider is chosen when a {@link Mac} is initialised, and a provider the
   * candidate's class installs later would otherwise be handed the key and the body.
   */
  public static Signer signer(byte[] key) {
    return new Signer(mac(key));
  }

  /** Signs report bodies with the key it was made with, which it does not keep in any other form. */
  public static final class Signer {
    private final Mac mac;

    private Signer(Mac mac) {
      this.mac = mac;
    }

    public String line(String body) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(bytes)) + " " + Base64.getEncoder().encodeToString(bytes)
          + "\n";
    }
  }

  /** The body of the first line of {@code output} that verifies with {@code key}. */
  public static Optional<String> verifiedBody(byte[] key, String output) {
    for (String line : output.split("\n")) {
      if (!line.startsWith(PREFIX)) {
        continue;
      }
      String[] parts = line.substring(PREFIX.length()).split(" ", -1);
      if (parts.length != 2) {
        continue;
      }
      try {
        byte[] mac = HexFormat.of().parseHex(parts[0]);
        byte[] body = Base64.getDecoder().decode(parts[1]);
        if (MessageDigest.isEqual(mac, mac(key).doFinal(body))) {
          return Optional.of(new String(body, StandardCharsets.UTF_8));
        }
      } catch (IllegalArgumentException e) {
        // Not hex or not base64: printed by someone other than the harness.
      }
    }
    return Optional.empty();
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    }
  }
}
