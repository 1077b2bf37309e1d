package dev.gauntlet.runner.challenge;

import java.util.List;
import java.util.Map;

/**
 * The databases of a sql package.
 *
 * @param shared   the files of {@code database/} by name, which dataset scripts include with
 *                 {@code \ir ../../database/<name>} (a generator shared by every dataset, say)
 * @param datasets public datasets first, then hidden ones, each in name order
 */
public record SqlDatabase(Map<String, String> shared, List<Dataset> datasets) {
  public SqlDatabase {
    shared = Map.copyOf(shared);
    datasets = List.copyOf(datasets);
  }
}
