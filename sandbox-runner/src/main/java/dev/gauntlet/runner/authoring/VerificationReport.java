package dev.gauntlet.runner.authoring;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./gauntlet challenge verify} found: one row per solution judged, problems that fail
 * the package, and warnings that do not.
 */
public record VerificationReport(String packageName, List<Check> checks, List<String> problems, List<String> warnings) {
  public VerificationReport {
    checks = List.copyOf(checks);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** A package that failed before anything was judged, as one that does not load. */
  public static VerificationReport failed(String packageName, String problem) {
    return new VerificationReport(packageName, List.of(), List.of(problem), List.of());
  }

  public boolean passed() {
    return problems.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  /** The summary table and what went wrong, as the command prints it. */
  public String render() {
    var lines = new ArrayList<String>();
    lines.add(packageName);
    if (!checks.isEmpty()) {
      int width = Math.max(8, checks.stream().mapToInt(c -> c.solution().length()).max().orElse(0));
      lines.add(String.format("  %-" + width + "s  %-13s  %-13s  %9s  %10s  %s", "solution", "expected", "got", "slowest",
          "memory", "result"));
      for (Check c : checks) {
        // An http-service's memory is not measured per scenario: 0 means unknown there, not none.
        lines.add(String.format("  %-" + width + "s  %-13s  %-13s  %7d ms  %10s  %s", c.solution(), c.expected(),
            c.actual(), c.slowestMs(), c.peakKb() == 0 ? "-" : c.peakKb() / 1024 + " MiB", c.passed() ? "ok" : "FAIL"));
      }
    }
    for (Check c : checks) {
      if (c.latency() != null) {
        lines.add("  " + c.solution() + ": " + c.latency());
      }
    }
    for (Check c : checks) {
      if (!c.passed() && c.detail() != null) {
        lines.add("  " + c.solution() + ": " + c.detail().replace("\n", "\n    "));
      }
    }
    problems.forEach(p -> lines.add("  error: " + p));
    warnings.forEach(w -> lines.add("  warning: " + w));
    lines.add(passed() ? "  verified" : "  NOT verified");
    return String.join("\n", lines);
  }
}
