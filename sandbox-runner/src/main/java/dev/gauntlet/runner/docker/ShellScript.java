package dev.gauntlet.runner.docker;

/**
 * The few lines of {@code sh} that run inside every sandbox: unpack the files from standard
 * input, run the command (given as positional words, never interpolated) under GNU time, and
 * optionally tar {@code /sandbox/out} back on standard output.
 */
final class ShellScript {
  /** Exit status of the script itself failing (unpacking, packing), distinct from a signal death. */
  static final int SETUP_FAILED = 125;

  private ShellScript() {
  }

  static String forRequest(SandboxRequest request, String reportFormat) {
    String stdin = request.stdinFile().map(f -> SandboxProfile.ROOT + "/" + f).orElse("/dev/null");
    String workDir = SandboxProfile.ROOT + "/" + SandboxPaths.requireRelative(request.workDir());
    var script = new StringBuilder()
        .append("tar -xf - -C ").append(SandboxProfile.ROOT).append(" --no-same-owner || exit ").append(SETUP_FAILED).append('\n')
        .append("mkdir -p ").append(SandboxProfile.ROOT).append("/out && cd ").append(quote(workDir))
        .append(" || exit ").append(SETUP_FAILED).append('\n')
        .append("/usr/bin/time -q -f ").append(quote(reportFormat)).append(" -- \"$@\" < ").append(quote(stdin));
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
