package dev.gauntlet.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a small real HTTP server on the loopback. */
class ProbeMainTest {
  private static final ObjectMapper JSON = ProbeJson.mapper();
  private HttpServer server;
  private final Map<String, String> notes = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"up\"}"));
    server.createContext("/notes", this::notes);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void notes(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (exchange.getRequestMethod().equals("POST")) {
      String id = "n" + ids.incrementAndGet();
      notes.put(id, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.getResponseHeaders().add("Location", "/notes/" + id);
      answer(exchange, 201, "{\"id\":\"" + id + "\",\"tags\":[\"a\",\"b\"]}");
    } else {
      String note = notes.get(path.substring("/notes/".length()));
      answer(exchange, note == null ? 404 : 200, note == null ? "{\"title\":\"not found\"}" : note);
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private Plan plan(String yamlishJson) throws IOException {
    return JSON.readValue(yamlishJson.replace("PORT", Integer.toString(server.getAddress().getPort())), Plan.class);
  }

  private static final String CREATE_AND_READ = """
      {"name": "create and read", "points": 1, "required": true, "steps": [
        {"request": {"method": "POST", "path": "/notes", "json": {"text": "hello"}},
         "expect": {"status": 201, "headers": {"location": {"matches": "/notes/n\\\\d+"}},
                    "jsonpath": {"$.tags.length()": {"equals": 2}, "$.tags[-1]": {"equals": "b"}},
                    "schema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}},
         "capture": {"id": "$.id", "where": "header:Location"}},
        {"request": {"path": "${where}"}, "expect": {"status": 200, "json": {"text": "hello"}}}]}""";

  @Test
  void scenarioPassesAndCapturesCarryValuesForward() throws Exception {
    var report = ProbeMain.run(plan("""
        {"port": PORT, "ready_path": "/health", "ready_millis": 2000, "request_timeout_ms": 2000,
         "scenarios": [%s]}""".formatted(CREATE_AND_READ)));

    assertThat(report.ready()).isTrue();
    assertThat(report.scenarios()).singleElement().satisfies(s -> assertThat(s.failure()).isNull());
  }

  @Test
  void aFailingStepNamesWhatWasExpectedAndWhatCame() throws Exception {
    var report = ProbeMain.run(plan("""
        {"port": PORT, "ready_path": "/health", "ready_millis": 2000, "request_timeout_ms": 2000,
         "scenarios": [{"name": "missing", "points": 1, "required": true, "steps": [
           {"name": "read a note nobody wrote", "request": {"path": "/notes/zzz"}, "expect": {"status": 200}}]},
           {"name": "wrong body", "points": 1, "required": true, "steps": [
           {"request": {"method": "POST", "path": "/notes", "json": {}},
            "expect": {"schema": {"type": "object", "additionalProperties": false,
                                  "properties": {"id": {"type": "string"}}}}}]},
           {"name": "unknown variable", "points": 1, "required": true, "steps": [
           {"request": {"path": "/notes/${nothing}"}}]}]}"""));

    assertThat(report.scenarios()).extracting(ProbeReport.ScenarioOutcome::failure).containsExactly(
        "read a note nobody wrote: expected status 200, got 404",
        "POST /notes: $.tags is not allowed",
        "GET /notes/${nothing}: ${nothing} was not captured by an earlier step");
  }

  @Test
  void loadRecordsEveryRequestAfterTheWarmUp() throws Exception {
    var report = ProbeMain.run(plan("""
        {"port": PORT, "ready_path": "/health", "ready_millis": 2000, "request_timeout_ms": 2000,
         "load": {"rate": 200, "seconds": 1, "warmup_seconds": 0.5, "timeout_ms": 1000,
                  "setup": [{"request": {"method": "POST", "path": "/notes", "json": {"t": 1}}, "capture": {"id": "$.id"}}],
                  "requests": [{"weight": 3, "request": {"path": "/notes/${id}"}},
                               {"weight": 1, "request": {"path": "/notes/none"}, "status": 404}]}}"""));

    var load = report.rounds().getFirst();
    assertThat(load.setupFailure()).isNull();
    assertThat(load.sent()).isEqualTo(200);
    assertThat(load.errors() + load.timeouts()).isZero();
    assertThat(load.latencyMicros()).hasSize(200);
    assertThat(java.util.Arrays.stream(load.latencyMicros()).min().orElseThrow()).isPositive();
  }

  @Test
  void aTimetableRunsOneRoundAtEachTurnAndTellsWhichBeganLate() throws Exception {
    long now = System.currentTimeMillis();
    var report = ProbeMain.run(plan("""
        {"port": PORT, "ready_path": "/health", "ready_millis": 2000, "request_timeout_ms": 2000,
         "load": {"rate": 100, "seconds": 0.5, "warmup_seconds": 0, "timeout_ms": 100,
                  "requests": [{"weight": 1, "request": {"path": "/health"}}]},
         "turns": [%d, %d, %d]}""".formatted(now + 500, now + 1500, now)));

    assertThat(report.rounds()).hasSize(3).allSatisfy(round -> assertThat(round.latencyMicros()).hasSize(50));
    assertThat(report.rounds()).extracting(ProbeReport.LoadOutcome::lateMillis)
        .satisfies(late -> assertThat(late.get(0)).isLessThan(50), late -> assertThat(late.get(1)).isLessThan(50),
            late -> assertThat(late.get(2)).isGreaterThan(1000));
    assertThat(System.currentTimeMillis() - now).as("the second round waited for its turn").isGreaterThan(2400);
  }

  @Test
  void aServiceThatNeverListensIsNotReady() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var report = ProbeMain.run(new Plan(closedPort, "/health", 300, 1000, List.of(), null));

    assertThat(report.ready()).isFalse();
  }

  @Test
  void theMixIsSpreadByWeight() {
    var get = new LoadRequest(3, new HttpCall(null, "/a", null, null, null), null);
    var miss = new LoadRequest(1, new HttpCall(null, "/b", null, null, null), null);

    assertThat(LoadGenerator.interleaved(List.of(get, miss))).containsExactly(0, 0, 1, 0);
  }
}
