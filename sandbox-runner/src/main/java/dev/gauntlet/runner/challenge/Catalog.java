package dev.gauntlet.runner.challenge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The challenges served, by id: every package folder under a catalog directory. */
public final class Catalog {
  private final Map<String, ChallengePackage> byId;

  private Catalog(Map<String, ChallengePackage> byId) {
    this.byId = byId;
  }

  /** Loads every folder holding a {@code challenge.yaml}; one broken package fails the whole load. */
  public static Catalog load(Path directory) {
    var packages = new TreeMap<String, ChallengePackage>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path folder : entries.sorted().toList()) {
        if (Files.isRegularFile(folder.resolve(ManifestReader.FILE))) {
          try {
            var pkg = PackageLoader.load(folder);
            packages.put(pkg.id(), pkg);
          } catch (PackageException e) {
            throw new PackageException(folder.getFileName() + "/" + e.getMessage(), e);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the catalog at " + directory, e);
    }
    return new Catalog(packages);
  }

  public Optional<ChallengePackage> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<ChallengePackage> all() {
    return byId.values();
  }
}
