package dev.gauntlet.runner.distribution;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Optional;

/**
 * The cluster's package archives, by content hash. A platform publishes the version a job names
 * before it queues the job; a runner fetches it, once, and caches it. An archive never changes under its
 * hash, so publishing the same content again is a no-op. Calls block: use them off the event loop.
 */
public final class PackageStore implements ArchiveSource {
  public static final String MAP_NAME = "gauntlet.packages";

  private final IMap<String, byte[]> archives;

  public PackageStore(HazelcastInstance hazelcast) {
    this.archives = hazelcast.getMap(MAP_NAME);
  }

  public void publish(PackageArchive archive) {
    archives.putIfAbsent(archive.hash(), archive.bytes());
  }

  public boolean contains(String hash) {
    return archives.containsKey(hash);
  }

  @Override
  public Optional<PackageArchive> fetch(String hash) {
    return Optional.ofNullable(archives.get(hash)).map(bytes -> new PackageArchive(hash, bytes));
  }
}
