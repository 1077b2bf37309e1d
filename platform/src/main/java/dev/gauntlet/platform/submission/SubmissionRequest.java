package dev.gauntlet.platform.submission;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/submissions}.
 *
 * @param challenge id of a challenge from {@code GET /api/v1/challenges}
 * @param language  one of the challenge's languages
 * @param files     source files by relative path; must hold the language's entry file
 */
public record SubmissionRequest(String challenge, String language, Map<String, String> files) {
}
