package dev.gauntlet.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads request bodies into records, strictly: unknown fields and wrong types are the caller's to
 * fix, and so is a body the OpenAPI document's schema refuses.
 */
public final class JsonBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private JsonBodies() {
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "something else";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a JSON object";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    return type == String.class ? "a string" : "a " + type.getSimpleName();
  }

  /** Reads a body, answering a schema violation with {@code invalid-request}. */
  public static <T> T read(RoutingContext ctx, Class<T> type) {
    return read(ctx, type, ProblemType.INVALID_REQUEST);
  }

  /** Reads a body, answering a schema violation with the given type of problem. */
  public static <T> T read(RoutingContext ctx, Class<T> type, ProblemType invalid) {
    var body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "the request has no body; send a JSON object");
    }
    try {
      T value = MAPPER.readValue(body.getBytes(), type);
      if (value == null) {
        throw new ProblemException(ProblemType.MALFORMED_JSON, "the body is null; send a JSON object");
      }
      BodySchemas.check(ctx, Json.decodeValue(body), invalid);
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "unknown field '" + e.getPropertyName()
          + "'; known fields: " + e.getKnownPropertyIds());
    } catch (MismatchedInputException e) {
      String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      throw new ProblemException(ProblemType.MALFORMED_JSON, (field.isEmpty() ? "the body" : "'" + field + "'")
          + " must be " + expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      var where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": ";
      String reason = e.getOriginalMessage().replaceAll("`[a-zA-Z.$]+\\.([A-Za-z]+)`", "$1");
      throw new ProblemException(ProblemType.MALFORMED_JSON, where + reason);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a body held in memory", e);
    }
  }
}
