package dev.gauntlet.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a value found by a JSONPath or a header must be. Every condition given must hold.
 *
 * @param equals  the exact JSON value (numbers compare by value: 1 equals 1.0); may use captured
 *                {@code ${name}} values in its strings
 * @param matches a regular expression that must match the whole text of the value
 * @param exists  whether the value is there at all
 * @param min     the least number allowed
 * @param max     the greatest number allowed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Matcher(JsonNode equals, String matches, Boolean exists, Double min, Double max) {
  public Matcher {
    if (equals == null && matches == null && exists == null && min == null && max == null) {
      throw new IllegalArgumentException("a matcher needs one of equals, matches, exists, min, max");
    }
    if (matches != null) {
      try {
        Pattern.compile(matches);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("matches: not a regular expression: " + e.getDescription());
      }
    }
  }

  /** This matcher with captured values put into the value it must equal. */
  Matcher expanded(Variables variables) {
    return equals == null ? this : new Matcher(variables.expand(equals), matches, exists, min, max);
  }

  /** Why {@code actual} (null when absent) fails this matcher, if it does. */
  public Optional<String> mismatch(String what, JsonNode actual) {
    boolean present = actual != null && !actual.isMissingNode();
    if (exists != null) {
      if (exists != present) {
        return Optional.of(what + (exists ? " is missing" : " should be absent, was " + actual));
      }
      if (!present) {
        return Optional.empty();
      }
    }
    if (!present) {
      return Optional.of(what + " is missing");
    }
    if (equals != null && !JsonValues.sameValue(equals, actual)) {
      return Optional.of(what + ": expected " + equals + ", got " + JsonValues.shown(actual));
    }
    if (matches != null) {
      String text = actual.isValueNode() ? actual.asText() : actual.toString();
      if (!Pattern.compile(matches).matcher(text).matches()) {
        return Optional.of(what + ": " + JsonValues.shown(actual) + " does not match /" + matches + "/");
      }
    }
    if (min != null || max != null) {
      if (!actual.isNumber()) {
        return Optional.of(what + ": expected a number, got " + JsonValues.shown(actual));
      }
      double value = actual.asDouble();
      if (min != null && value < min || max != null && value > max) {
        return Optional.of(what + ": " + actual + " is outside [" + (min == null ? "" : min) + ", "
            + (max == null ? "" : max) + "]");
      }
    }
    return Optional.empty();
  }
}
