package dev.gauntlet.runner.judge.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.probe.HttpCall;
import dev.gauntlet.probe.LoadPlan;
import dev.gauntlet.probe.LoadRequest;
import dev.gauntlet.probe.Plan;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.language.Language;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two real services loaded in turns by their own probes, watched from the engine while it happens. */
@DisplayName("Loading two services in turns")
class AlternatingLoadIT {
  private static final String SERVICE = """
      from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
      class Handler(BaseHTTPRequestHandler):
          protocol_version = "HTTP/1.1"
          def log_message(self, *args):
              pass
          def do_GET(self):
              self.send_response(200)
              self.send_header("Content-Length", "2")
              self.end_headers()
              self.wfile.write(b"ok")
      ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
      """;
  private static final LoadPlan LOAD = new LoadPlan(40, 0.5, 0.1, 300, List.of(),
      List.of(new LoadRequest(1, new HttpCall(null, "/work", null, null, null), 200)));

  private final Sandbox sandbox = new Sandbox(DockerFixture.docker());

  @AfterEach
  void noContainerLeft() {
    sandbox.close();
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  private RunningSandbox service() {
    return sandbox.start(new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON),
        Map.of("app/main.py", SERVICE.getBytes(StandardCharsets.UTF_8)), "app",
        List.of("python3", "-S", "-B", "/sandbox/app/main.py"), Optional.empty(), false,
        new SandboxLimits(128L << 20, 1.0, 32, Duration.ofMinutes(2), new StreamCap(4096, false),
            new StreamCap(4096, false), 16)));
  }

  /** Whether the engine had each of two containers paused, seen at one moment. */
  private record Seen(boolean candidatePaused, boolean referencePaused) {
    String frozen() {
      return candidatePaused ? referencePaused ? "both" : "candidate" : referencePaused ? "reference" : "neither";
    }
  }

  /**
   * The states seen, each once for as long as it lasted; "both" is left out: the runner freezes
   * one side before it thaws the other, and between rounds neither is loaded.
   */
  private static List<String> frozenInTurn(Collection<Seen> seen) {
    var states = new ArrayList<String>();
    for (Seen moment : seen) {
      String frozen = moment.frozen();
      if (!frozen.equals("both") && (states.isEmpty() || !states.getLast().equals(frozen))) {
        states.add(frozen);
      }
    }
    return states;
  }

  @Test
  @DisplayName("each side runs its rounds while the other is frozen, both pinned to one CPU, and neither is left frozen")
  void turns() throws Exception {
    var docker = DockerFixture.docker();
    try (var candidate = service(); var reference = service()) {
      var seen = new ConcurrentLinkedQueue<Seen>();
      var loading = new AtomicBoolean(true);
      var watcher = Thread.ofVirtual().start(() -> {
        while (loading.get()) {
          seen.add(new Seen(docker.inspectContainerCmd(candidate.id()).exec().getState().getPaused(),
              docker.inspectContainerCmd(reference.id()).exec().getState().getPaused()));
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });

      AlternatingLoad.Rounds rounds;
      try {
        rounds = new AlternatingLoad(sandbox, new Probe(sandbox))
            .run(candidate, reference, new Plan(8080, "/health", 10_000, 2_000, List.of(), LOAD), 2, 1.0);
      } finally {
        loading.set(false);
        watcher.join();
      }

      for (var side : List.of(rounds.candidate(), rounds.reference())) {
        assertThat(side.rounds()).hasSize(2).allSatisfy(round -> {
          assertThat(round.errors() + round.timeouts()).isZero();
          assertThat(round.latencyMicros()).hasSize(20);
        });
      }
      assertThat(frozenInTurn(seen)).as("who was frozen, in order: the candidate goes first, then the reference twice")
          .containsExactly("neither", "reference", "candidate", "reference", "neither");
      int cpus = sandbox.engineCpus();
      for (var service : List.of(candidate, reference)) {
        var container = docker.inspectContainerCmd(service.id()).exec();
        assertThat(container.getState().getPaused()).as("left running").isFalse();
        assertThat(container.getHostConfig().getCpusetCpus()).as("pinned to the last CPU, when there is a choice")
            .isEqualTo(cpus > 1 ? Integer.toString(cpus - 1) : "");
      }
    }
  }
}
