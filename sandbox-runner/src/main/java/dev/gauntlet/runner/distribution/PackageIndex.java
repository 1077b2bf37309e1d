package dev.gauntlet.runner.distribution;

import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which archive serves each challenge version a platform offers, after publishing them to the cluster. */
public final class PackageIndex {
  private final Map<String, String> hashByVersion;

  private PackageIndex(Map<String, String> hashByVersion) {
    this.hashByVersion = hashByVersion;
  }

  /** Archives every package of the catalog (loaded from {@code catalogDir}) and publishes it. */
  public static PackageIndex publish(Catalog catalog, Path catalogDir, PackageStore store) {
    var hashes = new TreeMap<String, String>();
    for (ChallengePackage pkg : catalog.all()) {
      var archive = PackageArchive.of(catalogDir.resolve(pkg.id()));
      store.publish(archive);
      hashes.put(key(pkg.id(), pkg.manifest().version()), archive.hash());
    }
    return new PackageIndex(hashes);
  }

  public Optional<String> hashFor(String challengeId, int version) {
    return Optional.ofNullable(hashByVersion.get(key(challengeId, version)));
  }

  private static String key(String challengeId, int version) {
    return challengeId + "@" + version;
  }
}
