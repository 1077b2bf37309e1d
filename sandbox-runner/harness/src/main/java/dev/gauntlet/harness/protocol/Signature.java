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

  public static String line(byte[] key, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return PREFIX + HexFormat.of().formatHex(mac(key, bytes)) + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
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
        if (MessageDigest.isEqual(mac, mac(key, body))) {
          return Optional.of(new String(body, StandardCharsets.UTF_8));
        }
      } catch (IllegalArgumentException e) {
        // Not hex or not base64: printed by someone other than the harness.
      }
    }
    return Optional.empty();
  }

  private static byte[] mac(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    }
  }
}
