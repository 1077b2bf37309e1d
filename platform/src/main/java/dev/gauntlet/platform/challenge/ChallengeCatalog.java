package dev.gauntlet.platform.challenge;

import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.distribution.PackageArchive;
import dev.gauntlet.runner.distribution.PackageCache;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The challenges a platform offers: the newest published version of each, loaded from its archive
 * in the database and cached on disk by content hash. Blocking: call it from a worker thread.
 */
public final class ChallengeCatalog {
  private static final Logger log = LoggerFactory.getLogger(ChallengeCatalog.class);

  private final ChallengeVersions versions;
  private final PackageCache packages;

  public ChallengeCatalog(ChallengeVersions versions, Path cacheFolder) {
    this.versions = versions;
    this.packages = new PackageCache(versions, cacheFolder);
  }

  /** A version with its package. */
  public record Served(ChallengeVersion version, ChallengePackage pkg) {
  }

  /**
   * Publishes every package of the catalog folder whose content changed since the folder last
   * published it; one broken package stops the start, naming it.
   */
  public void publishFolder(Path folder, Instant now) {
    for (ChallengePackage pkg : Catalog.load(folder).all()) {
      var archive = PackageArchive.of(folder.resolve(pkg.id()));
      var publication = versions.publish(pkg.id(), archive, VersionOrigin.BUNDLED, VersionStatus.PUBLISHED, now);
      if (publication.changed()) {
        log.info("published {} version {} from {}", pkg.id(), publication.version().version(), folder);
      }
    }
  }

  public List<Served> published() {
    return versions.newestPublished().stream().map(this::serve).toList();
  }

  public Optional<Served> published(String challengeId) {
    return versions.newestPublished(challengeId).map(this::serve);
  }

  /** The package of any version that has one, published or not, for judging what is pinned to it. */
  public Optional<Served> at(String challengeId, int version) {
    return versions.find(challengeId, version).filter(v -> v.contentHash() != null).map(this::serve);
  }

  public ChallengeVersions versions() {
    return versions;
  }

  private Served serve(ChallengeVersion version) {
    return new Served(version, packages.get(version.contentHash()));
  }
}
