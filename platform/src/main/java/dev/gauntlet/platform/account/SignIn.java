package dev.gauntlet.platform.account;

/** The body of {@code POST /api/v1/sessions}. */
public record SignIn(String email, String password) {
  /** Never prints the password. */
  @Override
  public String toString() {
    return "SignIn[email=" + email + "]";
  }
}
