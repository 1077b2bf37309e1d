package dev.gauntlet.probe.sql;

import java.util.List;

/**
 * What the SQL probe runs against the PostgreSQL server that shares its loopback.
 *
 * @param port        where the server listens on the loopback
 * @param readyMillis how long the server may take to accept a connection (it seeds its data first)
 * @param steps       statements, each on a connection of its own, in order
 */
public record SqlPlan(int port, int readyMillis, List<SqlStep> steps) {
  public SqlPlan {
    steps = List.copyOf(steps);
  }
}
