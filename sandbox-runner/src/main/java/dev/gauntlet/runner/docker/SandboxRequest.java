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
 */
public record SandboxRequest(String image, Map<String, byte[]> files, String workDir, List<String> command,
                             Optional<String> stdinFile, boolean collectOut, SandboxLimits limits) {
  public SandboxRequest {
    files = Map.copyOf(files);
    command = List.copyOf(command);
    stdinFile.ifPresent(SandboxPaths::requireRelative);
  }
}
