package dev.gauntlet.platform.config;

/** A setting the platform cannot start with; the message is meant for the operator as it stands. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
