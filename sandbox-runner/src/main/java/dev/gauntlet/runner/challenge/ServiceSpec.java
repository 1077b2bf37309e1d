package dev.gauntlet.runner.challenge;

import static dev.gauntlet.runner.challenge.ManifestChecks.inRange;

/**
 * How the judge finds a candidate's service, from {@code service:} in an http-service manifest.
 *
 * @param port         the port the service listens on, on the loopback; 8080 when absent
 * @param readyPath    polled until it answers 2xx; {@code /health} when absent
 * @param readySeconds how long the service may take to become ready; 20 when absent
 */
public record ServiceSpec(Integer port, String readyPath, Integer readySeconds) {
  public static final ServiceSpec DEFAULT = new ServiceSpec(null, null, null);

  public ServiceSpec {
    port = port == null ? 8080 : port;
    inRange("port", port, 1024, 65535);
    readyPath = readyPath == null ? "/health" : readyPath;
    if (!readyPath.startsWith("/")) {
      throw new IllegalArgumentException("ready_path must start with '/', was " + readyPath);
    }
    readySeconds = readySeconds == null ? 20 : readySeconds;
    inRange("ready_seconds", readySeconds, 1, 120);
  }
}
