package dev.gauntlet.platform;

import java.util.Arrays;
import java.util.Optional;
import java.util.Locale;

/** What one process does in the cluster: {@code ./gauntlet up} is both roles at once. */
public enum Role {
  /** The HTTP API, the database, the catalog, and a runner: everything on one machine. */
  UP(true, true),
  /** The HTTP API, the database and the catalog; judging is left to runner processes. */
  PLATFORM(true, false),
  /** Judges jobs from the cluster in Docker; needs no database and no checkout of the catalog. */
  RUNNER(false, true);

  private final boolean serves;
  private final boolean judges;

  Role(boolean serves, boolean judges) {
    this.serves = serves;
    this.judges = judges;
  }

  boolean serves() {
    return serves;
  }

  boolean judges() {
    return judges;
  }

  static Optional<Role> byName(String name) {
    return Arrays.stream(values()).filter(r -> r.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
  }
}
