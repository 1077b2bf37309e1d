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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox runtime images, one per language, built from the Dockerfiles shipped on the
 * class path and tagged by a hash of the Dockerfile, so an unchanged image is never rebuilt.
 */
public final class RuntimeImages {
  private static final Logger log = LoggerFactory.getLogger(RuntimeImages.class);
  private final DockerClient docker;

  public RuntimeImages(DockerClient docker) {
    this.docker = docker;
  }

  /** The image tag for a language, e.g. {@code gauntlet/runtime-java:3f2a9c41d0b7}. */
  public static String imageFor(Language language) {
    return "gauntlet/runtime-" + language.id() + ":" + contentHash(dockerfile(language));
  }

  /** Builds every runtime image that is not there yet. */
  public void ensureAll() {
    for (Language language : Language.values()) {
      ensure(language);
    }
  }

  public void ensure(Language language) {
    String tag = imageFor(language);
    try {
      docker.inspectImageCmd(tag).exec();
      return;
    } catch (NotFoundException missing) {
      log.info("building runtime image {}", tag);
    }
    var context = TarArchives.write(Map.of("Dockerfile", dockerfile(language)));
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

  private static byte[] dockerfile(Language language) {
    String resource = "/images/" + language.id() + "/Dockerfile";
    try (InputStream in = RuntimeImages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no Dockerfile on the class path at " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentHash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
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
