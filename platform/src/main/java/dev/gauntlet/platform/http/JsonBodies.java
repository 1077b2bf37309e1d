package dev.gauntlet.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads request bodies into records, strictly: unknown fields and wrong types are the caller's to fix. */
public final class JsonBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private JsonBodies() {
  }

  public static <T> T read(RoutingContext ctx, Class<T> type) {
    var body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "the request has no body; send a JSON object");
    }
    try {
      T value = MAPPER.readValue(body.getBytes(), type);
      if (value == null) {
        throw new ProblemException(ProblemType.MALFORMED_JSON, "the body is null; send a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "unknown field '" + e.getPropertyName()
          + "'; known fields: " + e.getKnownPropertyIds());
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
