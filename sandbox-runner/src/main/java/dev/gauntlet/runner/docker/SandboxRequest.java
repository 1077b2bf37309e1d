package dev.gauntlet.runner.docker;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One program to run in a fresh sandbox.
 *
 * @param image       runtime image
 * @param files       unpacked under {@code /sandbox} before the command starts (relative paths)
 * @param workDir     where the command runs
 * @param command     the program and its arguments, passed as words, never through a shell
 * @param stdinFile   a path under {@code /sandbox} fed to the program's standard input, if any
 * @param collectOut  when true, {@code /sandbox/out} comes back as files after a successful run;
 *                    the command's standard output is then folded into standard error
 * @param limits      resources
 * @param networkOf   the running sandbox whose network (its loopback and nothing else) this one
 *                    joins; when empty the sandbox has no network at all
 */
public record SandboxRequest(String image, Map<String, byte[]> files, String workDir, List<String> command,
                             Optional<String> stdinFile, boolean collectOut, SandboxLimits limits,
                             Optional<String> networkOf) {
  public SandboxRequest {
    files = Map.copyOf(files);
    command = List.copyOf(command);
    stdinFile.ifPresent(SandboxPaths::requireRelative);
  }

  /** A request for a sandbox with no network. */
  public SandboxRequest(String image, Map<String, byte[]> files, String workDir, List<String> command,
                        Optional<String> stdinFile, boolean collectOut, SandboxLimits limits) {
    this(image, files, workDir, command, stdinFile, collectOut, limits, Optional.empty());
  }
}
