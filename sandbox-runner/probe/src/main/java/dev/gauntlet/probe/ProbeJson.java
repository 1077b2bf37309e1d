package dev.gauntlet.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Path;

/** How plans and reports are written: the same snake_case names as the package's YAML. */
public final class ProbeJson {
  private ProbeJson() {
  }

  /** Configures a mapper (JSON here, YAML in the runner) the way plans and reports are read. */
  public static <M extends ObjectMapper> M configure(M mapper) {
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    return mapper;
  }

  public static ObjectMapper mapper() {
    return configure(new ObjectMapper());
  }

  /** What a probe's {@code main} does: reads the plan its one argument names, runs it, prints the report as JSON. */
  public static <P> void serve(String[] args, String usage, Class<P> planType, Runner<P> runner)
      throws IOException, InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: " + usage);
      System.exit(2);
    }
    ObjectMapper json = mapper();
    json.writeValue(System.out, runner.run(json.readValue(Path.of(args[0]).toFile(), planType)));
  }

  /** Runs a plan into its report. */
  @FunctionalInterface
  public interface Runner<P> {
    Object run(P plan) throws InterruptedException;
  }
}
