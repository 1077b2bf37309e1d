import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.PackageLoader;
import dev.gauntlet.runner.docker.DockerClients;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.judge.http.HttpServiceJudge;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How faithful the calibrated latency score is. Judges one submission many times and reports the
 * spread of its performance score; then judges a ladder of the same service slowed on purpose
 * (1x, 1.5x, 2x and 4x the reference's work per request) and reports whether the scores fall in
 * that order in every run. Last, judges the reference against itself as many times as the
 * submission: whatever its ratio spreads is noise of this machine and of the method, the floor
 * under the first figure. Usage: LatencyFidelity <repeats> <ladder runs> <results.md>
 */
public class LatencyFidelity {
  private static final double[] LADDER = {1, 1.5, 2, 4};
  private static final double REPEATED = 2;

  public static void main(String[] args) throws IOException {
    int repeats = Integer.parseInt(args[0]);
    int ladderRuns = Integer.parseInt(args[1]);
    Path results = Path.of(args[2]);
    Path packageDir = results.resolveSibling("busy-work");
    ChallengePackage pkg = PackageLoader.load(packageDir);
    String source = Files.readString(packageDir.resolve("reference/go/main.go"));
    int baseRounds = Integer.parseInt(source.replaceAll("(?s).*const rounds = (\\d+).*", "$1"));

    try (var sandbox = new Sandbox(DockerClients.fromEnvironment())) {
      var judge = new HttpServiceJudge(sandbox);
      var repeated = new ArrayList<PerformanceReport>();
      for (int i = 0; i < repeats; i++) {
        repeated.add(measure(judge, pkg, source, baseRounds, REPEATED));
        System.out.printf("same submission, run %d: %s%n", i + 1, shown(repeated.getLast()));
      }
      var ladder = new ArrayList<List<PerformanceReport>>();
      for (int run = 0; run < ladderRuns; run++) {
        var rung = new ArrayList<PerformanceReport>();
        for (double factor : LADDER) {
          rung.add(measure(judge, pkg, source, baseRounds, factor));
          System.out.printf("ladder run %d, %.1fx: %s%n", run + 1, factor, shown(rung.getLast()));
        }
        ladder.add(rung);
      }
      var itself = new ArrayList<PerformanceReport>();
      for (int i = 0; i < repeats; i++) {
        itself.add(measure(judge, pkg, source, baseRounds, 1));
        System.out.printf("reference against itself, run %d: %s%n", i + 1, shown(itself.getLast()));
      }
      Files.writeString(results, report(pkg, repeated, ladder, itself, baseRounds));
    }
  }

  private static PerformanceReport measure(HttpServiceJudge judge, ChallengePackage pkg, String source, int baseRounds,
                                           double factor) {
    String slowed = source.replace("const rounds = " + baseRounds, "const rounds = " + Math.round(baseRounds * factor));
    JudgeResult result = judge.judge(pkg, new Submission(Language.GO, Map.of("main.go", slowed)), Progress.NONE);
    if (result.performance() == null) {
      throw new IllegalStateException("no latency measured: " + result.verdict() + " " + result.message());
    }
    return result.performance();
  }

  private static String shown(PerformanceReport p) {
    return String.format(Locale.ROOT, "%d points, ratio %.3f (pairs %.3f..%.3f), candidate %s ms, reference %s ms",
        p.points(), p.ratio(), p.ratioLow(), p.ratioHigh(), p.candidateMs(), p.referenceMs());
  }

  private static String report(ChallengePackage pkg, List<PerformanceReport> repeated,
                               List<List<PerformanceReport>> ladder, List<PerformanceReport> itself,
                               int baseRounds) {
    var performance = pkg.manifest().performance();
    var load = pkg.manifest().load();
    var out = new StringBuilder();
    out.append("# Latency fidelity\n\n")
        .append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores by `bench/latency-fidelity/run`. The service (`busy-work/`, Go) hashes ").append(baseRounds)
        .append(" times per request; each judging loads it and the reference (the same service at 1x) in ")
        .append(performance.rounds()).append(" alternating rounds of ").append(load.seconds()).append(" s at ")
        .append(load.rate()).append(" requests/s (after ").append(load.warmupSeconds())
        .append(" s of warm-up each; one probe per side for all its rounds, each request due at a random point of")
        .append(" its own interval, the side not loaded frozen, both services pinned to one CPU), and scores the")
        .append(" ratio of the median ")
        .append(performance.metric().manifestName()).append(" figures: 100 points at or under ")
        .append(performance.fullMarksAt()).append("x, none from ").append(performance.zeroAt())
        .append("x, log scale between.\n\n");
    int[] points = repeated.stream().mapToInt(PerformanceReport::points).toArray();
    int spread = Arrays.stream(points).max().orElse(0) - Arrays.stream(points).min().orElse(0);
    out.append("## The same submission (").append(REPEATED).append("x the work) judged ").append(repeated.size())
        .append(" times\n\n");
    rounds(out, repeated);
    double pointsPerLog = pkg.manifest().scoring().performance()
        / Math.log(performance.zeroAt() / performance.fullMarksAt());
    out.append("\n**Spread of the performance score: ").append(spread).append(" points out of 100** (target ≤ 3);")
        .append(String.format(Locale.ROOT, " the ratio's standard deviation is %.1f%%, %.1f points on the"
            + " scale's slope.", 100 * logSd(repeated), pointsPerLog * logSd(repeated)))
        .append("\n\n");
    out.append("## A ladder slowed on purpose\n\n| run | 1x | 1.5x | 2x | 4x | in order |\n|---|---|---|---|---|---|\n");
    int ordered = 0;
    for (int run = 0; run < ladder.size(); run++) {
      var rung = ladder.get(run);
      boolean inOrder = true;
      for (int i = 1; i < rung.size(); i++) {
        inOrder &= rung.get(i).points() <= rung.get(i - 1).points() && rung.get(i).ratio() > rung.get(i - 1).ratio();
      }
      ordered += inOrder ? 1 : 0;
      out.append("| ").append(run + 1);
      rung.forEach(p -> out.append(String.format(Locale.ROOT, " | %d (%.2fx)", p.points(), p.ratio())));
      out.append(" | ").append(inOrder ? "yes" : "**no**").append(" |\n");
    }
    out.append("\nCells are points (ratio to the reference). **Scores fell in the ladder's order in ").append(ordered)
        .append(" of ").append(ladder.size()).append(" runs** (target: every run); a run counts as in order when each")
        .append(" rung's ratio is higher than the one before and its points no higher.\n\n");
    out.append("## The reference judged against itself ").append(itself.size()).append(" times\n\n");
    rounds(out, itself);
    out.append(String.format(Locale.ROOT, "%n**The ratio's standard deviation is %.1f%%, %.1f points on the scale's"
            + " slope**: the noise floor of this machine and this load under the same submission's figure (its own"
            + " points, %d to %d, are flat while its ratio stays under %sx).%n", 100 * logSd(itself),
        pointsPerLog * logSd(itself), itself.stream().mapToInt(PerformanceReport::points).min().orElse(0),
        itself.stream().mapToInt(PerformanceReport::points).max().orElse(0), performance.fullMarksAt()));
    return out.toString();
  }

  private static void rounds(StringBuilder out, List<PerformanceReport> judgings) {
    out.append("| run | points | ratio | round pairs | candidate ms per round | reference ms per round |\n")
        .append("|---|---|---|---|---|---|\n");
    for (int i = 0; i < judgings.size(); i++) {
      var p = judgings.get(i);
      out.append(String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f–%.3f | %s | %s |%n", i + 1, p.points(), p.ratio(),
          p.ratioLow(), p.ratioHigh(), p.candidateMs(), p.referenceMs()));
    }
  }

  /** The sample standard deviation of the ratios' logarithms: the ratio's relative spread. */
  private static double logSd(List<PerformanceReport> judgings) {
    double[] logs = judgings.stream().mapToDouble(p -> Math.log(p.ratio())).toArray();
    double mean = Arrays.stream(logs).average().orElse(0);
    double squares = Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum();
    return logs.length < 2 ? 0 : Math.sqrt(squares / (logs.length - 1));
  }
}
