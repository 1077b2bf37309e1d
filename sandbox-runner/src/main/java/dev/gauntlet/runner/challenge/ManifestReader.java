package dev.gauntlet.runner.challenge;

import com.fasterxml.jackson.core.JsonParseException;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses the YAML files of a package ({@code challenge.yaml} into a {@link Manifest}, scenario files
 * of http-service packages into scenarios). Errors read like a compiler's:
 * {@code challenge.yaml:7: limits: memory_mb must be between 16 and 8192, was 5}.
 */
public final class ManifestReader {
  public static final String FILE = "challenge.yaml";

  private static final String REQUIRED = " is required";
  /** A key as YAML writes it, at the start of a line, after a '- ', or inside '{ }'. */
  private static final Pattern KEY = Pattern.compile("(?:^|[\\s{,-])([A-Za-z_][A-Za-z0-9_]*)\\s*:(?:\\s|$)");
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
    String reason = reason(e);
    String missing = isMissing(e) ? field
        : reason.endsWith(REQUIRED) ? (field.isEmpty() ? "" : field + ".") + reason.substring(0, reason.length() - REQUIRED.length())
        : null;
    if (missing != null) {
      // A missing field has no line of its own (Jackson points at the end of the object); a
      // misspelt key is the usual cause, and its line is the one to show.
      String name = missing.substring(missing.lastIndexOf('.') + 1);
      return nearMiss(yaml, name)
          .map(key -> file + ":" + key.line() + ": " + missing + REQUIRED + "; is '" + key.name() + "' a misspelling of it?")
          .orElse(file + ": " + missing + REQUIRED);
    }
    if (e instanceof JsonParseException) {
      // The parser's own words name its internal events; the YAML library's problem is plainer.
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String problem = "";
      if (e.getCause() instanceof MarkedYAMLException marked) {
        problem = " (" + marked.getProblem() + ")";
        // The context (e.g. the key being scanned) is where the author went wrong; the problem is where it showed.
        var mark = marked.getContextMark() != null ? marked.getContextMark() : marked.getProblemMark();
        line = mark == null ? line : mark.getLine() + 1;
      }
      return file + (line > 0 ? ":" + line : "") + ": not valid YAML here" + problem + ": check the indentation,"
          + " that every key has its ':' and that every '{' and '[' is closed";
    }
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

  private record Key(String name, int line) {
  }

  /** A key of the file within two edits of a required field's name, other than the name itself. */
  private static Optional<Key> nearMiss(String yaml, String name) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher key = KEY.matcher(lines[i].replaceFirst("#.*", ""));
      while (key.find()) {
        String found = key.group(1);
        if (!found.equals(name) && editDistance(found, name) <= 2) {
          return Optional.of(new Key(found, i + 1));
        }
      }
    }
    return Optional.empty();
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
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
