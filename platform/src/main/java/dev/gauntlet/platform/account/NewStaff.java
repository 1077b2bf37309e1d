package dev.gauntlet.platform.account;

/**
 * The body of {@code POST /api/v1/staff}: an account in the admin's own organisation.
 *
 * @param role     admin, manager or author
 * @param password the first password, which the admin hands over
 */
public record NewStaff(String email, String role, String password) {
  /** Never prints the password. */
  @Override
  public String toString() {
    return "NewStaff[email=" + email + ", role=" + role + "]";
  }
}
