package dev.gauntlet.platform.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random secret made once per data folder and kept in a file only its owner reads, so that it
 * survives restarts: the author token, the key that signs sessions.
 */
final class KeptSecret {
  private KeptSecret() {
  }

  /**
   * The secret in {@code file}, made first when there is none; one that is shorter than {@code
   * minLength} (edited by hand, say) stops the start.
   */
  static String readOrMake(Path file, int randomBytes, int minLength, String what) {
    try {
      if (!Files.exists(file)) {
        make(file, randomBytes);
      }
      String kept = Files.readString(file).strip();
      if (kept.length() < minLength) {
        throw new IllegalStateException(file + " holds no " + what + " of " + minLength + " characters or more;"
            + " delete it to have a new one made");
      }
      return kept;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or make the " + what + " in " + file, e);
    }
  }

  /**
   * Written beside its place, then linked in: a crash never leaves half a secret, and of two platforms
   * starting on one data folder the first to link wins (a link, unlike a rename, never replaces).
   */
  private static void make(Path file, int randomBytes) throws IOException {
    byte[] random = new byte[randomBytes];
    new SecureRandom().nextBytes(random);
    Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(partial, HexFormat.of().formatHex(random));
    try {
      Files.createLink(file, partial);
    } catch (FileAlreadyExistsException e) {
      // Made by the other platform; its secret is the one.
    } finally {
      Files.delete(partial);
    }
  }
}
