package dev.gauntlet.platform.attempt;

import java.util.Map;

/** The body of {@code PUT /api/v1/attempts/{id}/drafts/{challenge}}. */
public record DraftBody(String language, Map<String, String> files) {
}
