import dev.gauntlet.runner.challenge.Catalog;
import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.KnownSubmission;
import dev.gauntlet.runner.docker.DockerClients;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.judge.concurrency.ConcurrencyJudge;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How sure the concurrency judge's verdicts are. Judges every known submission of the bundled
 * concurrency packages several times, and reports how often each got its expected verdict, what
 * caught the failing ones (a trial, or which stress run), and the ratios of the others to the
 * reference. Failing submissions are judged more often than passing ones: they are what must come out
 * the same every time, and they are quick to judge.
 * Usage: ConcurrencyVerdicts <repeats of failing ones> <repeats of the others> <catalog folder> <results.md>
 */
public class ConcurrencyVerdicts {
  public static void main(String[] args) throws IOException {
    int failingRepeats = Integer.parseInt(args[0]);
    int passingRepeats = Integer.parseInt(args[1]);
    var packages = Catalog.load(Path.of(args[2])).all().stream()
        .filter(p -> p.manifest().kind() == JudgeKind.CONCURRENCY).toList();
    var out = new StringBuilder();
    out.append("# Concurrency verdicts\n\n")
        .append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores by `bench/concurrency-verdicts/run`. Each failing known submission below was judged ")
        .append(failingRepeats).append(" times in full, each other one ").append(passingRepeats)
        .append(" times. \"Caught by\" says what found a failing one: a replayed trial (no order of its calls")
        .append(" explains their results), a trial (stuck, or a call threw), or a stress run's check (the first,")
        .append(" untimed stress run is the warm-up). A ratio is the median of the submission's timed")
        .append(" stress runs over the reference's, side by side in the same job.\n\n")
        .append("| package | submission | expected every time | verdicts | caught by | ratio, run by run |\n")
        .append("|---|---|---|---|---|---|\n");
    try (var sandbox = new Sandbox(DockerClients.fromEnvironment())) {
      var judge = new ConcurrencyJudge(sandbox);
      for (ChallengePackage pkg : packages) {
        for (KnownSubmission known : pkg.submissions()) {
          var runs = new ArrayList<JudgeResult>();
          boolean failing = known.expected() != Verdict.ACCEPTED && known.expected() != Verdict.TOO_SLOW;
          for (int i = 0; i < (failing ? failingRepeats : passingRepeats); i++) {
            runs.add(judge.judge(pkg, new Submission(known.language(), known.files()), Progress.NONE));
            System.out.printf("%s %s run %d: %s %s%n", pkg.id(), known.name(), i + 1, runs.getLast().verdict(),
                caughtBy(runs.getLast()));
          }
          out.append(row(pkg, known, runs));
        }
      }
    }
    Files.writeString(Path.of(args[3]), out.toString());
  }

  /** The start of the message says where the harness stopped: "trial 3", "the warm-up stress run", ... */
  private static String caughtBy(JudgeResult result) {
    String message = result.message();
    if (message == null || result.performance() != null) {
      return "";
    }
    if (message.startsWith("in trial")) {
      return "a replayed trial";
    }
    int end = message.indexOf(':');
    String where = end < 0 ? message : message.substring(0, end);
    return where.replace("after ", "").replaceAll(" of \\d+ threads making \\d+ calls each", "")
        .replaceAll("trial \\d+(, thread \\d+)?", "a trial").replaceAll("timed stress run \\d+", "a timed stress run");
  }

  private static String row(ChallengePackage pkg, KnownSubmission known, List<JudgeResult> runs) {
    Map<String, Integer> verdicts = new TreeMap<>();
    Map<String, Integer> caught = new TreeMap<>();
    var ratios = new ArrayList<String>();
    for (JudgeResult run : runs) {
      verdicts.merge(run.verdict().name(), 1, Integer::sum);
      String by = caughtBy(run);
      if (!by.isEmpty()) {
        caught.merge(by, 1, Integer::sum);
      }
      ratios.add(run.performance() == null ? "-" : String.format(Locale.ROOT, "%.2f", run.performance().ratio()));
    }
    long expected = runs.stream().filter(r -> r.verdict() == known.expected()).count();
    return "| " + pkg.id() + " | " + known.expected().folderName() + "/" + known.name() + " | " + expected + " of "
        + runs.size() + " | " + verdicts + " | " + (caught.isEmpty() ? "-" : caught.toString()) + " | "
        + String.join(" ", ratios) + " |\n";
  }
}
