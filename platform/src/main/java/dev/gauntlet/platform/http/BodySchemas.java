package dev.gauntlet.platform.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks JSON request bodies against the schema the OpenAPI document gives their operation, so that
 * the document is the contract and not only its description. Checked when a handler reads the
 * body, after the route's gate: a stranger learns nothing of a schema from a refusal.
 */
public final class BodySchemas {
  /** The document, as the API serves it from the classpath. */
  public static final String DOCUMENT = "openapi.yaml";
  private static final String KEY = "gauntlet.body-schemas";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final OpenAPIContract contract;
  private final Map<String, Validator> validators = new ConcurrentHashMap<>();

  private BodySchemas(OpenAPIContract contract) {
    this.contract = contract;
  }

  /**
   * Reads the document from the classpath. Vert.x's contract model takes no body of a media type it
   * cannot validate (a package zip, a problem document, an event stream), so its copy keeps only
   * the JSON request bodies, which are all it is asked about; the upload route checks its zip itself.
   */
  public static Future<BodySchemas> load(Vertx vertx) {
    return vertx.fileSystem().readFile(DOCUMENT).map(BodySchemas::jsonBodiesOnly)
        .compose(document -> OpenAPIContract.from(vertx, document)).map(BodySchemas::new);
  }

  private static JsonObject jsonBodiesOnly(Buffer yaml) {
    JsonObject document;
    try {
      document = new JsonObject(YAML.readValue(yaml.getBytes(), MAP));
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI document is not YAML", e);
    }
    for (var path : document.getJsonObject("paths")) {
      for (var operation : (JsonObject) path.getValue()) {
        if (operation.getValue() instanceof JsonObject op) {
          var body = op.getJsonObject("requestBody");
          if (body != null && !body.getJsonObject("content").containsKey(MediaType.APPLICATION_JSON)) {
            op.remove("requestBody");
          }
          withoutContent(op.getJsonObject("responses"));
        }
      }
    }
    withoutContent(document.getJsonObject("components").getJsonObject("responses"));
    return document;
  }

  private static void withoutContent(JsonObject responses) {
    if (responses != null) {
      responses.forEach(response -> {
        if (response.getValue() instanceof JsonObject r) {
          r.remove("content");
        }
      });
    }
  }

  private static int depth(String keywordLocation) {
    return keywordLocation == null ? 0 : keywordLocation.split("/").length;
  }

  /** Makes the schemas available to {@link JsonBodies} for the requests it is mounted on. */
  public Handler<RoutingContext> attach() {
    return ctx -> {
      ctx.put(KEY, this);
      ctx.next();
    };
  }

  /** Checks a decoded body against its operation's schema, when the request went through {@link #attach}. */
  static void check(RoutingContext ctx, Object body, ProblemType refusal) {
    BodySchemas schemas = ctx.get(KEY);
    if (schemas != null) {
      schemas.validate(ctx.request().method(), ctx.request().path(), body, refusal);
    }
  }

  void validate(HttpMethod method, String path, Object body, ProblemType refusal) {
    Operation operation = contract.findOperation(path, method);
    if (operation == null || operation.getRequestBody() == null) {
      throw new IllegalStateException("the OpenAPI document has no request body for " + method + " " + path);
    }
    MediaType json = operation.getRequestBody().getContent().get(MediaType.APPLICATION_JSON);
    if (json == null) {
      throw new IllegalStateException("the OpenAPI document takes no JSON body for " + method + " " + path);
    }
    Validator validator = validators.computeIfAbsent(operation.getOperationId(),
        id -> contract.getSchemaRepository().validator(json.getSchema()));
    OutputUnit result = validator.validate(body);
    if (!Boolean.TRUE.equals(result.getValid())) {
      throw new ProblemException(refusal, describe(result));
    }
  }

  /**
   * The error of the most specific keyword, which names the rule broken ("String is too short");
   * the errors of the keywords around it only say that something inside failed.
   */
  private static String describe(OutputUnit result) {
    OutputUnit error = result.getErrors() == null ? result : result.getErrors().stream()
        .max(Comparator.comparingInt((OutputUnit e) -> depth(e.getKeywordLocation())))
        .orElse(result);
    String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation()
        .replaceFirst("^#?/?", "").replace('/', '.');
    return (location.isEmpty() ? "the body" : "'" + location + "'") + " does not match the API's schema: "
        + error.getError();
  }
}
