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
import java.util.regex.Pattern;
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
    if (yaml.isBlank()) {
      throw new PackageException(FILE + ": is empty");
    }
    try {
      return YAML.readValue(yaml, Manifest.class);
    } catch (JsonProcessingException e) {
      throw new PackageException(describe(yaml, e), e);
    }
  }

  private static String describe(String yaml, JsonProcessingException e) {
    String field = e instanceof JsonMappingException m ? path(m) : "";
    String reason = reason(e);
    int line = line(yaml, e, reason);
    return FILE + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + reason;
  }

  /**
   * Jackson reports errors of records where their creator runs, at the end of the object; the
   * line an author needs is the one of the field named in the message.
   */
  private static int line(String yaml, JsonProcessingException e, String reason) {
    String named = e instanceof UnrecognizedPropertyException u ? u.getPropertyName()
        : e instanceof ValueInstantiationException ? reason.split(" ", 2)[0] : null;
    if (named != null) {
      var field = Pattern.compile("(^|[\\s{,])" + Pattern.quote(named) + "\\s*:");
      String[] lines = yaml.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (field.matcher(lines[i]).find()) {
          return i + 1;
        }
      }
    }
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
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
