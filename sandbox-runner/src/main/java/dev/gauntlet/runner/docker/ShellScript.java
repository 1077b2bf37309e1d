package dev.gauntlet.runner.docker;

import java.time.Duration;

/**
 * The {@code sh} that runs inside every sandbox. A container starts with the fixed {@link #BOOTSTRAP},
 * which waits for a tar on standard input: so a container can be created and started before anyone
 * knows what it will run (the warm pool). The tar carries the files and the {@link #forRequest run
 * script}, which the bootstrap reads into memory and deletes before the program starts.
 */
final class ShellScript {
  /** Exit status of the script itself failing (unpacking, packing), distinct from a signal death. */
  static final int SETUP_FAILED = 125;
  /** Where the run script travels in the tar; the program never sees it. */
  static final String RUN_FILE = ".gauntlet-run";
  /**
   * Outlives the runner's own wall-clock limit by this much: the container ends by itself even when
   * the runner that should have killed it died.
   */
  private static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(60);

  static final String BOOTSTRAP = "tar -xf - -C " + SandboxProfile.ROOT + " --no-same-owner || exit " + SETUP_FAILED
      + "\nscript=$(cat " + SandboxProfile.ROOT + "/" + RUN_FILE + ") && rm -f " + SandboxProfile.ROOT + "/" + RUN_FILE
      + " || exit " + SETUP_FAILED + "\neval \"$script\"\n";

  private ShellScript() {
  }

  /** Runs the command (its words quoted one by one, never interpolated) under GNU time. */
  static String forRequest(SandboxRequest request, String reportFormat) {
    String stdin = request.stdinFile().map(f -> SandboxProfile.ROOT + "/" + f).orElse("/dev/null");
    String workDir = SandboxProfile.ROOT + "/" + SandboxPaths.requireRelative(request.workDir());
    long backstop = request.limits().wall().plus(BACKSTOP_MARGIN).toSeconds();
    var script = new StringBuilder()
        .append("mkdir -p ").append(SandboxProfile.ROOT).append("/out && cd ").append(quote(workDir))
        .append(" || exit ").append(SETUP_FAILED).append('\n')
        .append("timeout -s KILL ").append(backstop).append(" /usr/bin/time -q -f ").append(quote(reportFormat))
        .append(" --");
    request.command().forEach(word -> script.append(' ').append(quote(word)));
    script.append(" < ").append(quote(stdin));
    if (request.collectOut()) {
      script.append(" 1>&2\n")
          .append("status=$?\n")
          .append("[ $status -eq 0 ] || exit $status\n")
          .append("tar -cf - -C ").append(SandboxProfile.ROOT).append("/out . || exit ").append(SETUP_FAILED).append('\n');
    } else {
      script.append('\n');
    }
    return script.toString();
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
