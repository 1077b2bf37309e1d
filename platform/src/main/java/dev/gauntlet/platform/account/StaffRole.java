package dev.gauntlet.platform.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a staff account may do. Assessments and attempts belong to an organisation and are seen by
 * its managers and admins only; the catalog is the deployment's, shared by all its organisations.
 */
public enum StaffRole {
  /** Everything a manager and an author may do, and creating staff accounts. */
  ADMIN,
  /** Builds assessments, invites candidates, reviews their work. */
  MANAGER,
  /** Uploads and manages challenge packages, in the catalog every organisation uses. */
  AUTHOR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StaffRole> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
  }
}
