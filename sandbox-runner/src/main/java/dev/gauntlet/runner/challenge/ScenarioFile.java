package dev.gauntlet.runner.challenge;

import dev.gauntlet.probe.Scenario;

/**
 * One scenario of an http-service package, from {@code tests/<visibility>/<name>.yaml}.
 *
 * @param source the file as the author wrote it, shown to candidates for public scenarios
 */
public record ScenarioFile(Visibility visibility, Scenario scenario, String source) {
  public String name() {
    return scenario.name();
  }
}
