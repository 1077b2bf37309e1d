package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses {@code challenge.yaml} into a {@link Manifest}. Errors read like a compiler's:
 * {@code challenge.yaml:7: limits: memory_mb must be between 16 and 8192, was 5}.
 */
public final class ManifestReader {
  public static final String FILE = "challenge.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private ManifestReader() {
  }

  public static Manifest read(String yaml) {
    try {
      Manifest manifest = YAML.readValue(yaml, Manifest.class);
      if (manifest == null) {
        throw new PackageException(FILE + ": is empty");
      }
      return manifest;
    } catch (JsonProcessingException e) {
      throw new PackageException(describe(e), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    var where = new StringBuilder(FILE);
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      where.append(':').append(e.getLocation().getLineNr());
    }
    String field = e instanceof JsonMappingException m ? path(m) : "";
    return where + ": " + (field.isEmpty() ? "" : field + ": ") + reason(e);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String reason(JsonProcessingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
      return invalid.getMessage();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field (known: " + unknown.getKnownPropertyIds() + ")";
    }
    if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
      return "'" + format.getValue() + "' is not one of " + Arrays.stream(format.getTargetType().getEnumConstants())
          .map(c -> YAML.convertValue(c, String.class)).toList();
    }
    return e.getOriginalMessage().replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1");
  }
}
