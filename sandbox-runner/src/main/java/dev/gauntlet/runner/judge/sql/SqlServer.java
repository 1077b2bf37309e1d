package dev.gauntlet.runner.judge.sql;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.Dataset;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.docker.RunningSandbox;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.docker.SandboxLimits;
import dev.gauntlet.runner.docker.SandboxRequest;
import dev.gauntlet.runner.docker.StreamCap;
import dev.gauntlet.runner.image.RuntimeImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;

/**
 * Starts the PostgreSQL server of one sql job in a sandbox of its own ({@code sql/server.sh}): every
 * dataset of the package seeded into a database of its own, and copied for the reference, so that
 * neither side's indexes touch the other's runs. Nothing of a submission goes into this sandbox;
 * its statements reach the server from the SQL probe, over the loopback the two share.
 */
final class SqlServer {
  static final String OWNER = "gauntlet_owner";
  static final String SOLVER = "gauntlet_solver";
  static final int PORT = 5432;
  /** What {@code server.sh} prints when every dataset is in place and the server lets the probe's roles in. */
  static final String SEEDED = "gauntlet: datasets seeded";
  /** Seeding is the package's own work, bounded so that a runaway generator ends; verify shows how long it takes. */
  static final Duration SEED_LIMIT = Duration.ofMinutes(5);
  /**
   * The server is stopped by the judge; this only bounds a server whose runner died, beyond the
   * longest any judging may take (every statement at its timeout).
   */
  private static final Duration BACKSTOP = Duration.ofHours(3);
  private static final int LOG_BYTES = 64 << 10;
  /** The postmaster, its helpers and a backend per connection. */
  private static final int MIN_PIDS = 64;
  private static final byte[] SCRIPT = script();

  private SqlServer() {
  }

  /** The copy of a dataset that the candidate's statements run on; dataset names hold no "__". */
  static String candidateCopy(String dataset) {
    return dataset + "__candidate";
  }

  /** The copy of a dataset that the reference runs on, with its own indexes. */
  static String referenceCopy(String dataset) {
    return dataset + "__reference";
  }

  static RunningSandbox start(Sandbox sandbox, ChallengePackage pkg) {
    var files = new HashMap<String, byte[]>();
    files.put("db/server.sh", SCRIPT);
    pkg.database().shared().forEach((name, text) -> files.put("db/database/" + name, bytes(text)));
    var command = new ArrayList<String>();
    command.add("sh");
    command.add("server.sh");
    for (Dataset dataset : pkg.database().datasets()) {
      String path = "tests/" + dataset.visibility().folderName() + "/" + dataset.name();
      files.put("db/" + path + ".sql", bytes(dataset.script()));
      command.add(path);
    }
    Limits limits = pkg.manifest().limits();
    // The databases live in the scratch tmpfs, whose pages count against the memory limit anyway.
    var serverLimits = new SandboxLimits(limits.memoryMb() * (1L << 20), limits.cpus(), Math.max(limits.pids(), MIN_PIDS),
        BACKSTOP, new StreamCap(LOG_BYTES, false), new StreamCap(LOG_BYTES, false), limits.memoryMb());
    return sandbox.start(new SandboxRequest(RuntimeImages.imageFor(RuntimeImages.POSTGRES), files, "db", command,
        Optional.empty(), false, serverLimits));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] script() {
    try (InputStream in = SqlServer.class.getResourceAsStream("/sql/server.sh")) {
      if (in == null) {
        throw new IllegalStateException("no /sql/server.sh on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
