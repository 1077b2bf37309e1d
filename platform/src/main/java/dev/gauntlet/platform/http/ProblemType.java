package dev.gauntlet.platform.http;

/** Every kind of error the API answers with; each has a stable URI slug, a title and a status. */
public enum ProblemType {
  MALFORMED_JSON("malformed-json", "Request body is not the JSON expected", 400),
  INVALID_SUBMISSION("invalid-submission", "Submission cannot be judged", 422),
  INVALID_PACKAGE("invalid-package", "Package cannot be published", 422),
  INVALID_PARAMETER("invalid-parameter", "A path or query parameter is not valid", 400),
  UNAUTHORIZED("unauthorized", "This needs a session or the author token", 401),
  FORBIDDEN("forbidden", "This account may not do this", 403),
  INVALID_REQUEST("invalid-request", "Request cannot be carried out as sent", 422),
  ALREADY_EXISTS("already-exists", "Something with this name already exists", 409),
  LINK_NOT_VALID("link-not-valid", "This invitation link cannot be used", 410),
  ATTEMPT_CLOSED("attempt-closed", "This attempt takes no more work", 409),
  RATE_LIMITED("rate-limited", "Too many requests in a short time", 429),
  VERSION_IN_USE("version-in-use", "Submissions are pinned to this version", 409),
  BODY_TOO_LARGE("body-too-large", "Request body is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Request body is not of a type taken here", 415),
  NOT_FOUND("not-found", "No such resource", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed here", 405),
  UNAVAILABLE("unavailable", "Service temporarily unavailable", 503),
  QUEUE_FULL("queue-full", "Too many submissions are waiting to be judged", 503),
  INTERNAL("internal", "Internal error", 500);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
