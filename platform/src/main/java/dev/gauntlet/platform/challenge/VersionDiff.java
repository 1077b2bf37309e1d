package dev.gauntlet.platform.challenge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.gauntlet.runner.distribution.PackageArchive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/challenges/{id}/versions/{to}/diff?from={from}}: what changed between two
 * versions of a package, file by file, with a unified diff of each changed text file.
 *
 * @param files every file added, removed or modified, by path
 */
public record VersionDiff(String challengeId, int from, int to, List<FileChange> files) {
  /** Text files larger than this are reported as changed without their lines: diffing them costs too much. */
  static final int MAX_DIFFED_BYTES = 256 * 1024;
  private static final int CONTEXT_LINES = 3;

  public enum Change { ADDED, REMOVED, MODIFIED }

  /**
   * One changed file.
   *
   * @param unifiedDiff null when either side is not UTF-8 text or is larger than {@value #MAX_DIFFED_BYTES} bytes
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FileChange(String path, Change change, int fromBytes, int toBytes, String unifiedDiff) {
  }

  static VersionDiff between(String challengeId, int from, PackageArchive before, int to, PackageArchive after) {
    var old = before.files();
    var now = after.files();
    var paths = new TreeSet<>(old.keySet());
    paths.addAll(now.keySet());
    var changes = new ArrayList<FileChange>();
    for (String path : paths) {
      byte[] a = old.get(path);
      byte[] b = now.get(path);
      if (a != null && b != null && Arrays.equals(a, b)) {
        continue;
      }
      var change = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.MODIFIED;
      changes.add(new FileChange(path, change, a == null ? 0 : a.length, b == null ? 0 : b.length,
          unified(a == null ? "/dev/null" : "a/" + path, a == null ? new byte[0] : a,
              b == null ? "/dev/null" : "b/" + path, b == null ? new byte[0] : b)));
    }
    return new VersionDiff(challengeId, from, to, changes);
  }

  /** Named as diff(1) names them, {@code /dev/null} for a side that does not exist, so patch tools take it. */
  private static String unified(String beforeName, byte[] before, String afterName, byte[] after) {
    if (before.length > MAX_DIFFED_BYTES || after.length > MAX_DIFFED_BYTES) {
      return null;
    }
    var a = lines(before);
    var b = lines(after);
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    var patch = DiffUtils.diff(a.get(), b.get());
    return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a.get(), patch,
        CONTEXT_LINES)) + "\n";
  }

  /** The lines of a UTF-8 text; empty for anything else, which a line diff would only garble. */
  private static Optional<List<String>> lines(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
      return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text.lines().toList());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
