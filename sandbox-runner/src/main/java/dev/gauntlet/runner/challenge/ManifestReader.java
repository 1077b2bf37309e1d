package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gauntlet.probe.ProbeJson;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses the YAML files of a package ({@code challenge.yaml} into a {@link Manifest}, scenario files
 * of http-service packages into scenarios). Errors read like a compiler's:
 * {@code challenge.yaml:7: limits: memory_mb must be between 16 and 8192, was 5}.
 */
public final class ManifestReader {
  public static final String FILE = "challenge.yaml";

  private static final ObjectMapper YAML = ProbeJson.configure(new ObjectMapper(new YAMLFactory()));

  private ManifestReader() {
  }

  public static Manifest read(String yaml) {
    return read(FILE, yaml, Manifest.class);
  }

  /** Reads one YAML file of a package; {@code file} is how errors name it. */
  public static <T> T read(String file, String yaml, Class<T> type) {
    if (yaml.isBlank()) {
      throw new PackageException(file + ": is empty");
    }
    try {
      return YAML.readValue(yaml, type);
    } catch (JsonProcessingException e) {
      throw new PackageException(describe(file, yaml, e), e);
    }
  }

  private static String describe(String file, String yaml, JsonProcessingException e) {
    String field = e instanceof JsonMappingException m ? path(m) : "";
    if (isMissing(e)) {
      // A missing field has no line of its own; Jackson points at the end of the object.
      return file + ": " + field + " is required";
    }
    String reason = reason(e);
    int line = line(yaml, e, reason);
    return file + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + reason;
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

  private static boolean isMissing(JsonProcessingException e) {
    return e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Cannot map `null`");
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
    if (e instanceof UnrecognizedPropertyException unknown && unknown.getPropertyName().equals("version")) {
      return "a package names no version: the platform numbers versions when it publishes changed content";
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
