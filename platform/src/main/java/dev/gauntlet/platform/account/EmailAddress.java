package dev.gauntlet.platform.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail addresses as accounts and invitations keep them: stripped and lower-cased, since people
 * do not mind the case of their address. Checked only for shape; whether it exists is the mail's
 * business.
 */
public final class EmailAddress {
  /** RFC 5321's limit on a forward path. */
  public static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  private EmailAddress() {
  }

  /** The address as kept, or empty when it is not one. */
  public static Optional<String> normalised(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String address = raw.strip().toLowerCase(Locale.ROOT);
    return address.length() <= MAX_LENGTH && SHAPE.matcher(address).matches() ? Optional.of(address) : Optional.empty();
  }
}
