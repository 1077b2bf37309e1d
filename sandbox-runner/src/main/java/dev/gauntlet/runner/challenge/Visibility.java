package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the candidate may see a test case: public ones are shown in full, hidden ones never. */
public enum Visibility {
  PUBLIC,
  HIDDEN;

  /** The folder under {@code tests/} and the name on the wire. */
  @JsonValue
  public String folderName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
