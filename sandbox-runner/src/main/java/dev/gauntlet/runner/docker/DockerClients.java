package dev.gauntlet.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Opens a client to the local Docker engine ({@code DOCKER_HOST}, else the default socket). */
public final class DockerClients {
  private DockerClients() {
  }

  public static DockerClient fromEnvironment() {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    var http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(64)
        .connectionTimeout(Duration.ofSeconds(10))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
