package dev.gauntlet.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code type} is stable and documented in the OpenAPI file;
 * {@code detail} tells this caller what to change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://gauntlet.dev/problems/";

  public static Problem of(ProblemType type, String detail, String instance) {
    return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, instance);
  }
}
