package dev.gauntlet.runner.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.gauntlet.runner.docker.SandboxEngineException;
import dev.gauntlet.runner.docker.TarArchives;
import dev.gauntlet.runner.language.Language;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime images, one per language plus PostgreSQL and the concurrency harness's, built from the
 * build contexts shipped on the class path and tagged by a hash of their content, so an unchanged
 * image is never rebuilt.
 */
public final class RuntimeImages {
  /**
   * PostgreSQL 17: the sql judge's server, the production database in tests, and deployments'
   * {@code gauntlet/postgres:17}.
   */
  public static final String POSTGRES = "postgres";
  /** The concurrency harness's runtime: java.base alone, and no other Java library on its file system. */
  public static final String JAVA_HARNESS = "java-harness";
  private static final Logger log = LoggerFactory.getLogger(RuntimeImages.class);
  /** What a build context holds besides its Dockerfile; the class path cannot list a folder inside a jar. */
  private static final Map<String, List<String>> CONTEXT_FILES = Map.of(POSTGRES, List.of("docker-entrypoint.sh"));
  private final DockerClient docker;

  public RuntimeImages(DockerClient docker) {
    this.docker = docker;
  }

  /** The image tag for a language, e.g. {@code gauntlet/runtime-java:3f2a9c41d0b7}. */
  public static String imageFor(Language language) {
    return imageFor(language.runtime());
  }

  /** The image tag for a runtime by its folder name: a language's id, {@link #POSTGRES} or {@link #JAVA_HARNESS}. */
  public static String imageFor(String runtime) {
    return "gauntlet/runtime-" + runtime + ":" + contentHash(context(runtime));
  }

  /** Builds every image a runner judges with that is not there yet: each language's runtime, and the harness's. */
  public void ensureJudgingImages() {
    Stream.concat(Arrays.stream(Language.values()).map(Language::runtime), Stream.of(JAVA_HARNESS)).distinct()
        .forEach(this::ensure);
  }

  public void ensure(String runtime) {
    String tag = imageFor(runtime);
    try {
      docker.inspectImageCmd(tag).exec();
      return;
    } catch (NotFoundException missing) {
      log.info("building runtime image {}", tag);
    }
    var context = TarArchives.write(context(runtime));
    try (var build = docker.buildImageCmd(new ByteArrayInputStream(context))
        .withTags(Set.of(tag))
        .withPull(false)
        .withRemove(true)
        .withForcerm(true)
        .exec(new ProgressLog())) {
      build.awaitImageId();
    } catch (DockerException | IOException e) {
      throw new SandboxEngineException("building runtime image " + tag + " failed", e);
    }
  }

  /** The Dockerfile first, so that a context of a Dockerfile alone keeps the tag it always had. */
  private static SequencedMap<String, byte[]> context(String runtime) {
    var files = new LinkedHashMap<String, byte[]>();
    files.put("Dockerfile", resource(runtime, "Dockerfile"));
    for (String name : CONTEXT_FILES.getOrDefault(runtime, List.of())) {
      files.put(name, resource(runtime, name));
    }
    return files;
  }

  private static byte[] resource(String runtime, String name) {
    String resource = "/images/" + runtime + "/" + name;
    try (InputStream in = RuntimeImages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + name + " on the class path at " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentHash(SequencedMap<String, byte[]> context) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      context.forEach((name, content) -> {
        if (!name.equals("Dockerfile")) {
          digest.update(name.getBytes(StandardCharsets.UTF_8));
        }
        digest.update(content);
      });
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static final class ProgressLog extends BuildImageResultCallback {
    @Override
    public void onNext(BuildResponseItem item) {
      if (item.getStream() != null && !item.getStream().isBlank()) {
        log.info("  {}", item.getStream().strip());
      }
      super.onNext(item);
    }
  }
}
