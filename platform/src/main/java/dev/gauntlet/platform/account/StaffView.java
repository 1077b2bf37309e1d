package dev.gauntlet.platform.account;

/** A staff account as the API shows it: never the password hash. */
public record StaffView(String id, String email, String role, String organisationId, String createdAt) {
  public static StaffView of(StaffAccount a) {
    return new StaffView(a.id(), a.email(), a.role().id(), a.organisationId(), a.createdAt().toString());
  }
}
