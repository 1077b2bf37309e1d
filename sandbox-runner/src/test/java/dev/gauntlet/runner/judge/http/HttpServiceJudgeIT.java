package dev.gauntlet.runner.judge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.PackageLoader;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.hostile.HostProbe;
import dev.gauntlet.runner.image.RuntimeImages;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http-service judge against hostile and broken services, with real Docker sandboxes. */
@DisplayName("Judging an HTTP service")
class HttpServiceJudgeIT {
  private static final String MANIFEST = """
      format: gauntlet/1
      id: svc
      title: A service
      kind: http-service
      languages: [python]
      suggested_minutes: 10
      limits: { build_seconds: 60, wall_seconds: 5, memory_mb: 256, cpus: 1.0, pids: 64, output_kb: 64 }
      scoring: { correctness: 100, performance: 0 }
      service: { port: 8080, ready_path: /health, ready_seconds: 3 }
      """;
  /** A service of the standard library that answers /health and whatever {@code routes} adds. */
  private static final String SERVICE = """
      import json, os, socket, sys
      from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
      class Handler(BaseHTTPRequestHandler):
          def log_message(self, *args):
              pass
          def answer(self, status, body):
              data = json.dumps(body).encode()
              self.send_response(status)
              self.send_header("Content-Type", "application/json")
              self.send_header("Content-Length", str(len(data)))
              self.end_headers()
              self.wfile.write(data)
          def do_GET(self):
              if self.path == "/health":
                  return self.answer(200, {"status": "up"})
      %s
              self.answer(404, {"title": "Not Found"})
      ThreadingHTTPServer(("0.0.0.0", 8080), Handler).serve_forever()
      """;

  private final Sandbox sandbox = new Sandbox(DockerFixture.docker());
  private final HttpServiceJudge judge = new HttpServiceJudge(sandbox);

  @TempDir
  private Path root;

  @AfterEach
  void noContainerLeft() {
    sandbox.close();
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  private static String service(String routes) {
    return SERVICE.formatted(routes.stripTrailing().indent(8).stripTrailing());
  }

  /** Writes a package whose scenarios are the given files, with {@code reference} as its reference. */
  private ChallengePackage pkg(String manifest, String reference, Map<String, String> tests) throws IOException {
    Path dir = root.resolve("svc");
    write(dir.resolve("challenge.yaml"), manifest);
    write(dir.resolve("statement.md"), "# A service\n");
    write(dir.resolve("starter/python/main.py"), reference);
    write(dir.resolve("reference/python/main.py"), reference);
    for (var test : tests.entrySet()) {
      write(dir.resolve("tests").resolve(test.getKey()), test.getValue());
    }
    return PackageLoader.load(dir);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private JudgeResult judge(ChallengePackage pkg, String source) {
    return judge.judge(pkg, new Submission(Language.PYTHON, Map.of("main.py", source)), Progress.NONE);
  }

  private static final Map<String, String> HEALTH_ONLY = Map.of("hidden/health.yaml", """
      steps:
        - request: { path: /health }
          expect: { status: 200, json: { status: up } }
      """);

  @Test
  @DisplayName("a service reaches neither the host nor another sandbox; the probe still reaches it")
  void confined() throws Exception {
    var sibling = sandbox.start(new SandboxRequest(RuntimeImages.imageFor(Language.PYTHON), Map.of("www/x", new byte[0]),
        "www", List.of("python3", "-m", "http.server", "9099", "--bind", "127.0.0.1"), Optional.empty(), false,
        new SandboxLimits(128L << 20, 0.5, 32, Duration.ofMinutes(2), new StreamCap(4096, false),
            new StreamCap(4096, false), 16)));
    try (sibling; var listener = new HostProbe.Listener()) {
      var targets = HostProbe.addressesToTry().stream().map(a -> "('" + a + "', " + listener.port() + ")")
          .collect(Collectors.toList());
      targets.add("('127.0.0.1', 9099)");
      String source = service("""
          if self.path == "/escape":
              reached = []
              for target in %s:
                  s = socket.socket()
                  s.settimeout(2)
                  try:
                      s.connect(target)
                      reached.append(target[0])
                  except OSError:
                      pass
                  finally:
                      s.close()
              names = [name for _, name in socket.if_nameindex()]
              return self.answer(200, {"interfaces": names, "reached": reached})
          """.formatted(targets));
      var pkg = pkg(MANIFEST, source, Map.of("hidden/escape.yaml", """
          steps:
            - request: { path: /escape }
              expect:
                status: 200
                json: { interfaces: [lo], reached: [] }
          """));

      JudgeResult result = judge(pkg, source);

      assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.ACCEPTED);
      assertThat(result.score()).isEqualTo(100);
      assertThat(listener.accepted()).isZero();
      assertThat(sibling.isRunning()).as("the sibling was there to be reached").isTrue();
    }
  }

  @Test
  @DisplayName("a service that never becomes ready ends in TIME_LIMIT within its readiness limit")
  void neverReady() throws Exception {
    var pkg = pkg(MANIFEST, service(""), HEALTH_ONLY);
    long began = System.nanoTime();

    JudgeResult result = judge(pkg, "import time\nprint('warming a cache that never warms', flush=True)\ntime.sleep(600)\n");

    assertThat(result.verdict()).isEqualTo(Verdict.TIME_LIMIT);
    assertThat(result.message()).contains("did not answer GET /health on port 8080 with a 2xx status within 3 s")
        .contains("warming a cache that never warms");
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("a service that exits before it is ready is a runtime error, with what it printed")
  void exitsEarly() throws Exception {
    var pkg = pkg(MANIFEST, service(""), HEALTH_ONLY);

    JudgeResult result = judge(pkg, "import sys\nsys.stderr.write('no such config: /etc/svc.conf\\n')\nsys.exit(3)\n");

    assertThat(result.verdict()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(result.message()).contains("exited with status 3 before it was ready")
        .contains("no such config: /etc/svc.conf");
  }

  @Test
  @DisplayName("a service that dies while it is judged is a runtime error, and shows none of its output")
  void diesMidway() throws Exception {
    var pkg = pkg(MANIFEST, service(""), Map.of("hidden/crash.yaml", """
        steps:
          - request: { path: /secret-input-42 }
            expect: { status: 200 }
          - request: { path: /health }
            expect: { status: 200 }
        """));

    JudgeResult result = judge(pkg, service("""
        print("got", self.path, flush=True)
        os._exit(7)
        """));

    assertThat(result.verdict()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(result.message()).isEqualTo("the service exited with status 7 while it was being judged");
  }

  @Test
  @DisplayName("a service too slow to be ready again for its load misses its rounds and gets no latency points")
  void lateForItsLoad() throws Exception {
    String manifest = MANIFEST.replace("performance: 0 }", "performance: 50 }\n"
        + "performance: { metric: p50_ms, full_marks_at: 1.5, zero_at: 5, rounds: 2 }\n"
        + "load: { rate: 20, seconds: 0.5, warmup_seconds: 0.1, timeout_ms: 500,"
        + " requests: [ { weight: 1, request: { path: /health }, status: 200 } ] }")
        .replace("ready_seconds: 3", "ready_seconds: 15");
    var pkg = pkg(manifest, service(""), HEALTH_ONLY);
    // From its third health check on, the load probe's wait for it, it answers none for 8 s: longer
    // than all the lead before the first round, and within the package's readiness limit.
    String late = "import time\nchecks = []\n" + service("").replace("if self.path == \"/health\":",
        "if self.path == \"/health\":\n            checks.append(time.monotonic())\n"
            + "            if len(checks) >= 3 and time.monotonic() < checks[2] + 8:\n"
            + "                time.sleep(max(0, checks[2] + 8 - time.monotonic()))");

    JudgeResult result = judge(pkg, late);

    assertThat(result.performance()).as(result.toString()).isNotNull();
    assertThat(result.performance().points()).isZero();
    assertThat(result.performance().note()).startsWith("the service took ")
        .endsWith(" ms to answer GET /health before its load, and missed the start of its rounds");
    assertThat(result.score()).as("its scenarios still count").isEqualTo(100);
  }

  @Test
  @DisplayName("scenarios score by their points; only public ones say what went wrong")
  void partialCredit() throws Exception {
    var tests = Map.of(
        "public/shape.yaml", """
            steps:
              - name: the item has a name
                request: { path: /item }
                expect:
                  status: 200
                  schema: { type: object, required: [name] }
            """,
        "hidden/health.yaml", """
            points: 3
            steps:
              - request: { path: /health }
                expect: { status: 200 }
            """,
        "hidden/item.yaml", """
            points: 1
            steps:
              - request: { path: /item }
                expect: { status: 200, jsonpath: { $.name: { equals: widget } } }
            """);
    String reference = service("""
        if self.path == "/item":
            return self.answer(200, {"name": "widget"})
        """);
    var pkg = pkg(MANIFEST, reference, tests);

    JudgeResult wrong = judge(pkg, service("""
        if self.path == "/item":
            return self.answer(200, {"title": "widget"})
        """));
    JudgeResult right = judge(pkg, reference);

    assertThat(wrong.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(wrong.score()).isEqualTo(75);
    assertThat(wrong.tests()).extracting(TestResult::name, TestResult::verdict, TestResult::detail).containsExactly(
        tuple("shape", Verdict.WRONG_ANSWER, "the item has a name: $.name is required"),
        tuple("health", Verdict.ACCEPTED, null),
        tuple("item", Verdict.WRONG_ANSWER, "GET /item: $.name is missing"));
    assertThat(wrong.forCandidates().tests()).as("what leaves the runner for the candidate")
        .extracting(TestResult::name, TestResult::detail).containsExactly(
            tuple("shape", "the item has a name: $.name is required"), tuple("health", null), tuple("item", null));
    assertThat(right.verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(right.score()).isEqualTo(100);
  }
}
