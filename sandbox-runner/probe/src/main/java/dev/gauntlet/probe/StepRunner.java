package dev.gauntlet.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Runs steps against the service: sends each request, checks its response, keeps its captures. */
final class StepRunner {
  private final Client client;
  private final Duration timeout;

  StepRunner(Client client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** How a run of steps went: why the first failing step failed, if one did, and the slowest request. */
  record Outcome(Optional<String> failure, Duration slowest) {
  }

  /** Runs the steps in order; the first that fails ends the run and says why. */
  Outcome run(Iterable<Step> steps, Variables variables) throws InterruptedException {
    Duration slowest = Duration.ZERO;
    for (Step step : steps) {
      Thread.sleep(step.waitMs());
      long began = System.nanoTime();
      try {
        runOne(step, variables);
      } catch (StepFailure failure) {
        return new Outcome(Optional.of(step.title() + ": " + failure.getMessage()), slowest);
      } finally {
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        slowest = took.compareTo(slowest) > 0 ? took : slowest;
      }
    }
    return new Outcome(Optional.empty(), slowest);
  }

  private void runOne(Step step, Variables variables) throws InterruptedException {
    Client.Answer answer;
    try {
      answer = client.send(client.build(step.request(), variables, timeout));
    } catch (HttpTimeoutException e) {
      throw new StepFailure("no response within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      throw new StepFailure("the request failed: " + describe(e));
    }
    Expectation expect = step.expect();
    boolean jsonNeeded = expect != null && expect.needsJson()
        || step.capture().values().stream().anyMatch(source -> !source.startsWith(Step.HEADER_PREFIX));
    JsonNode body = jsonNeeded ? parse(answer.body()) : null;
    if (expect != null) {
      check(expect, answer, body, variables);
    }
    capture(step.capture(), answer, body, variables);
  }

  private static void check(Expectation expect, Client.Answer answer, JsonNode body, Variables variables) {
    if (expect.status() != null && expect.status() != answer.status()) {
      throw new StepFailure("expected status " + expect.status() + ", got " + answer.status());
    }
    for (Map.Entry<String, Matcher> header : expect.headers().entrySet()) {
      JsonNode value = answer.headers().firstValue(header.getKey()).map(TextNode::valueOf).orElse(null);
      header.getValue().expanded(variables).mismatch("header " + header.getKey(), value)
          .ifPresent(StepFailure::raise);
    }
    if (expect.json() != null) {
      JsonNode expected = variables.expand(expect.json());
      if (!JsonValues.sameValue(expected, body)) {
        throw new StepFailure("expected body " + JsonValues.shown(expected) + ", got " + JsonValues.shown(body));
      }
    }
    for (Map.Entry<String, Matcher> path : expect.jsonpath().entrySet()) {
      JsonNode value = JsonPath.parse(path.getKey()).find(body).orElse(null);
      path.getValue().expanded(variables).mismatch(path.getKey(), value).ifPresent(StepFailure::raise);
    }
    if (expect.schema() != null) {
      JsonSchema.violation(expect.schema(), body, "$").ifPresent(StepFailure::raise);
    }
  }

  private static void capture(Map<String, String> captures, Client.Answer answer, JsonNode body,
                              Variables variables) {
    captures.forEach((variable, source) -> {
      String value;
      if (source.startsWith(Step.HEADER_PREFIX)) {
        String header = source.substring(Step.HEADER_PREFIX.length());
        value = answer.headers().firstValue(header)
            .orElseThrow(() -> new StepFailure("capture " + variable + ": no " + header + " header"));
      } else {
        JsonNode found = JsonPath.parse(source).find(body)
            .orElseThrow(() -> new StepFailure("capture " + variable + ": nothing at " + source));
        value = found.isValueNode() ? found.asText() : found.toString();
      }
      variables.put(variable, value);
    });
  }

  private static JsonNode parse(byte[] body) {
    if (body.length >= Client.MAX_BODY_BYTES) {
      throw new StepFailure("the body is larger than " + (Client.MAX_BODY_BYTES >> 20) + " MiB");
    }
    try {
      JsonNode json = Client.json().readTree(body);
      if (json == null || json.isMissingNode()) {
        throw new StepFailure("expected a JSON body, got an empty one");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new StepFailure("the body is not JSON: " + JsonValues.shown(TextNode.valueOf(
          new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new StepFailure("the body could not be read: " + describe(e));
    }
  }

  static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
