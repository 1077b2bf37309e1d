import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.KnownSubmission;
import dev.gauntlet.runner.docker.DockerClients;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.judge.sql.SqlJudge;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.PerformanceReport;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How steady the sql judge's timing is. Judges every accepted and too_slow known submission of the
 * bundled sql packages several times, and reports each one's ratio to the reference and points,
 * run by run. Usage: QueryFidelity <repeats> <catalog folder> <results.md>
 */
public class QueryFidelity {
  public static void main(String[] args) throws IOException {
    int repeats = Integer.parseInt(args[0]);
    var packages = Catalog.load(Path.of(args[1])).all().stream()
        .filter(p -> p.manifest().kind() == JudgeKind.SQL).toList();
    var out = new StringBuilder();
    out.append("# Query timing fidelity\n\n")
        .append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores by `bench/query-fidelity/run`. Each known submission below was judged ").append(repeats)
        .append(" times in full (a fresh, seeded server each time); a cell is its ratio to the reference (the median")
        .append(" of its timed runs over the reference's, side by side in the same job) and the performance points")
        .append(" it made.\n\n| package | submission | verdicts | ratio, run by run | points, run by run |\n")
        .append("|---|---|---|---|---|\n");
    try (var sandbox = new Sandbox(DockerClients.fromEnvironment())) {
      var judge = new SqlJudge(sandbox);
      for (ChallengePackage pkg : packages) {
        for (KnownSubmission known : pkg.submissions()) {
          if (known.expected() != Verdict.ACCEPTED && known.expected() != Verdict.TOO_SLOW) {
            continue;
          }
          var runs = new ArrayList<JudgeResult>();
          for (int i = 0; i < repeats; i++) {
            runs.add(judge.judge(pkg, new Submission(known.language(), known.files()), Progress.NONE));
            System.out.printf("%s %s run %d: %s%n", pkg.id(), known.name(), i + 1, shown(runs.getLast()));
          }
          out.append(row(pkg, known, runs));
        }
      }
    }
    Files.writeString(Path.of(args[2]), out.toString());
  }

  private static String shown(JudgeResult result) {
    PerformanceReport p = result.performance();
    return result.verdict() + (p == null ? "" : String.format(Locale.ROOT, ", ratio %.2f, %d points, candidate %s ms,"
        + " reference %s ms", p.ratio(), p.points(), p.candidateMs(), p.referenceMs()));
  }

  private static String row(ChallengePackage pkg, KnownSubmission known, List<JudgeResult> runs) {
    var verdicts = runs.stream().map(r -> r.verdict().name()).distinct().toList();
    var ratios = new ArrayList<String>();
    var points = new ArrayList<String>();
    for (JudgeResult run : runs) {
      ratios.add(run.performance() == null ? "-" : String.format(Locale.ROOT, "%.2f", run.performance().ratio()));
      points.add(run.performance() == null ? "-" : Integer.toString(run.performance().points()));
    }
    return "| " + pkg.id() + " | " + known.expected().folderName() + "/" + known.name() + " | "
        + String.join(", ", verdicts) + " | " + String.join(" ", ratios) + " | " + String.join(" ", points) + " |\n";
  }
}
