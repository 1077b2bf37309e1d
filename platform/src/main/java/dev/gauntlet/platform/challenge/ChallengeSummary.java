package dev.gauntlet.platform.challenge;

import dev.gauntlet.runner.language.Language;
import java.util.List;

/** One entry of {@code GET /api/v1/challenges}. */
public record ChallengeSummary(String id, int version, String title, String kind, List<String> skills,
                               List<String> languages, int suggestedMinutes) {
  public static ChallengeSummary of(ChallengeCatalog.Served served) {
    var m = served.pkg().manifest();
    return new ChallengeSummary(m.id(), served.version().version(), m.title(), m.kind().manifestName(), m.skills(),
        m.languages().stream().map(Language::id).toList(), m.suggestedMinutes());
  }
}
