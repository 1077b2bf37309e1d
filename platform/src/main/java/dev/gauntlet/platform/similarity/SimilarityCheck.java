package dev.gauntlet.platform.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.exceptions.BasecodeException;
import de.jplag.exceptions.ExitException;
import de.jplag.exceptions.SubmissionException;
import de.jplag.options.JPlagOptions;
import dev.gauntlet.runner.distribution.FileTrees;
import dev.gauntlet.runner.language.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares candidates' answers to one challenge with JPlag, which matches token sequences and so
 * sees through renamed variables, moved methods and reformatting. The starter code is JPlag's base
 * code: what every candidate was given matches nothing. Blocking, and CPU-bound: call it off the
 * event loop, for one challenge's answers in one language at a time.
 */
public final class SimilarityCheck {
  /** Pairs at or over this share of matching code are flagged for the reviewer. */
  public static final double THRESHOLD_PERCENT = 60;
  private static final int MAX_REGIONS = 10;

  /** The JPlag front end for a language; none for SQL, whose answers are too short to tell apart. */
  static Optional<de.jplag.Language> frontEnd(Language language) {
    return switch (language) {
      case JAVA -> Optional.of(new de.jplag.java.JavaLanguage());
      case PYTHON -> Optional.of(new de.jplag.python3.PythonLanguage());
      case NODE -> Optional.of(new de.jplag.javascript.JavaScriptLanguage());
      case GO -> Optional.of(new de.jplag.golang.GoLanguage());
      case SQL -> Optional.empty();
    };
  }

  /** The pairs of answers at or over the threshold, most similar first; none when fewer than two answers. */
  public List<SimilarPair> compare(String challenge, Language language, Map<String, String> starter,
                                   List<Answer> answers) {
    var frontEnd = frontEnd(language);
    if (frontEnd.isEmpty() || answers.size() < 2) {
      return List.of();
    }
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("gauntlet-similarity-");
      Path submissions = Files.createDirectory(scratch.resolve("answers"));
      var byFolder = new HashMap<String, Answer>();
      for (int i = 0; i < answers.size(); i++) {
        String folder = "a" + i;
        write(submissions.resolve(folder), answers.get(i).files());
        byFolder.put(folder, answers.get(i));
      }
      var options = new JPlagOptions(frontEnd.get(), Set.of(submissions.toFile()), Set.of());
      Path base = scratch.resolve("starter");
      write(base, starter);
      var pairs = new ArrayList<SimilarPair>();
      for (JPlagComparison comparison : run(options, starter.isEmpty() ? null : base).getAllComparisons()) {
        double percent = Math.round(comparison.similarity() * 1000) / 10.0;
        if (percent >= THRESHOLD_PERCENT) {
          pairs.add(new SimilarPair(challenge, language.id(), side(byFolder, comparison.firstSubmission()),
              side(byFolder, comparison.secondSubmission()), percent, regions(comparison)));
        }
      }
      pairs.sort(Comparator.comparingDouble(SimilarPair::similarity).reversed());
      return pairs;
    } catch (SubmissionException e) {
      // JPlag gives up when fewer than two answers parse: there is nothing to compare.
      return List.of();
    } catch (ExitException e) {
      throw new IllegalStateException("JPlag could not compare the answers to " + challenge + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write answers to compare", e);
    } finally {
      if (scratch != null) {
        try {
          FileTrees.delete(scratch);
        } catch (IOException e) {
          // A leftover temporary folder harms nothing; the next check uses a new one.
        }
      }
    }
  }

  /**
   * Runs with the starter as base code; a starter too short for JPlag to use as one (a few lines to
   * fill in) is left out, which only adds its few tokens to every answer.
   */
  private static JPlagResult run(JPlagOptions options, Path base) throws ExitException {
    if (base != null) {
      try {
        return JPlag.run(options.withBaseCodeSubmissionDirectory(base.toFile()));
      } catch (BasecodeException e) {
        // Too short to be base code: compared without it.
      }
    }
    return JPlag.run(options);
  }

  /** Paths were checked as plain relative paths when the submission was taken. */
  private static void write(Path folder, Map<String, String> files) throws IOException {
    for (var file : files.entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }

  private static SimilarPair.Side side(Map<String, Answer> byFolder, Submission submission) {
    var answer = byFolder.get(submission.getName());
    return new SimilarPair.Side(answer.attemptId(), answer.email(), answer.submissionId());
  }

  private static List<SimilarPair.Region> regions(JPlagComparison comparison) {
    var first = comparison.firstSubmission().getTokenList();
    var second = comparison.secondSubmission().getTokenList();
    Path firstRoot = comparison.firstSubmission().getRoot().toPath();
    Path secondRoot = comparison.secondSubmission().getRoot().toPath();
    return comparison.matches().stream()
        .sorted(Comparator.comparingInt(Match::length).reversed())
        .limit(MAX_REGIONS)
        .map(m -> {
          Token a = first.get(m.startOfFirst());
          Token aEnd = first.get(m.endOfFirst());
          Token b = second.get(m.startOfSecond());
          Token bEnd = second.get(m.endOfSecond());
          return new SimilarPair.Region(relative(firstRoot, a), a.getLine(), aEnd.getLine(), relative(secondRoot, b),
              b.getLine(), bEnd.getLine());
        })
        .toList();
  }

  private static String relative(Path root, Token token) {
    return root.relativize(token.getFile().toPath()).toString();
  }
}
