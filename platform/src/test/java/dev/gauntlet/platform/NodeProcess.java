package dev.gauntlet.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Gauntlet role in a JVM of its own, started as {@code ./gauntlet} starts it ({@code Main <role>
 * [options]}) with this test's class path, its output in a log file of its own.
 */
final class NodeProcess implements AutoCloseable {
  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private final String name;
  private final Process process;
  private final Path log;

  private NodeProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts a role and returns once its log says it is ready. */
  static NodeProcess start(String name, Role role, Path work, List<String> options) throws IOException, InterruptedException {
    return start(name, role, work, options, Map.of());
  }

  /** Starts a role with these environment variables added to this JVM's, and returns once it is ready. */
  static NodeProcess start(String name, Role role, Path work, List<String> options, Map<String, String> env)
      throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("-Xmx384m");
    // Hazelcast's settings for the tests, as this JVM was given them.
    System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("hazelcast."))
        .forEach(p -> command.add("-D" + p + "=" + System.getProperty(p)));
    // The module flags Hazelcast needs, as the launcher passes them; nothing else of this JVM's.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("--sun-misc")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), role.name().toLowerCase()));
    command.addAll(options);
    Path log = work.resolve(name + ".log");
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    var process = builder.start();
    var node = new NodeProcess(name, process, log);
    node.awaitLog(role == Role.RUNNER ? "ready with" : "Gauntlet is up");
    return node;
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  long pid() {
    return process.pid();
  }

  /** Waits until a line holding {@code text} appears in the log; fails when the process ends first. */
  void awaitLog(String text) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(READY_WITHIN);
    while (Instant.now().isBefore(deadline)) {
      if (Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " ended with status " + process.exitValue() + ":\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " did not log '" + text + "' within " + READY_WITHIN + ":\n" + Files.readString(log));
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** As {@code kill -9}: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** As Ctrl-C: the shutdown hook stops the role cleanly. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not stop within a minute of SIGTERM");
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
