package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a package's submissions are judged. Only {@code stdio} is implemented so far. */
public enum JudgeKind {
  STDIO;

  @JsonValue
  public String manifestName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
