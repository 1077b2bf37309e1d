package dev.gauntlet.runner.distribution;

import java.util.Optional;

/** Where package archives are fetched by content hash: the cluster for a runner, the database for a platform. */
@FunctionalInterface
public interface ArchiveSource {
  Optional<PackageArchive> fetch(String hash);
}
