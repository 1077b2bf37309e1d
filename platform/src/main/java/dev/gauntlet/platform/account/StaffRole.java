package dev.gauntlet.platform.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a staff account may do; each role is confined to its own organisation. */
public enum StaffRole {
  /** Everything a manager and an author may do, and creating staff accounts. */
  ADMIN,
  /** Builds assessments, invites candidates, reviews their work. */
  MANAGER,
  /** Uploads and manages challenge packages. */
  AUTHOR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StaffRole> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
  }
}
