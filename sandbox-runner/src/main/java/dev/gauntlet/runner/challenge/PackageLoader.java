package dev.gauntlet.runner.challenge;

import dev.gauntlet.probe.Scenario;
import dev.gauntlet.runner.docker.SandboxPaths;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a package folder ({@code challenge.yaml}, {@code statement.md}, {@code starter/},
 * {@code tests/}, {@code reference/}, {@code submissions/}, and for kind sql {@code database/})
 * and checks that it is complete.
 * Links are refused, never followed, and every file is read with a size cap.
 */
public final class PackageLoader {
  static final long MAX_FILE_BYTES = 16L << 20;
  static final long MAX_PACKAGE_BYTES = 64L << 20;
  /** What the results of a sql job may add up to: the reference's and the candidate's on every dataset. */
  static final long MAX_RESULTS_KB = 16L << 10;
  /**
   * A dataset's name becomes its copies' names, {@code <name>__candidate} and
   * {@code <name>__reference}: no "__" in it.
   */
  private static final Pattern DATASET_NAME = Pattern.compile("(?=.{1,30}$)[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private final Path root;
  private long bytesRead;

  private PackageLoader(Path root) {
    this.root = root;
  }

  public static ChallengePackage load(Path folder) {
    return new PackageLoader(folder).load();
  }

  private ChallengePackage load() {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new PackageException(root + ": not a package folder");
    }
    Manifest manifest = ManifestReader.read(text(ManifestReader.FILE));
    if (!manifest.id().equals(root.getFileName().toString())) {
      throw new PackageException(ManifestReader.FILE + ": id: '" + manifest.id()
          + "' must match the folder name '" + root.getFileName() + "'");
    }
    String statement = text("statement.md");
    var starters = perLanguage(manifest, "starter");
    var references = perLanguage(manifest, "reference");
    if (manifest.kind() == JudgeKind.CONCURRENCY) {
      // The workload is the whole of the tests: it makes every call a trial or a stress run makes.
      return new ChallengePackage(manifest, statement, starters, List.of(), references, submissions(manifest),
          List.of(), null, workload(manifest, starters));
    }
    var tests = new ArrayList<TestCase>();
    var scenarios = new ArrayList<ScenarioFile>();
    var datasets = new ArrayList<Dataset>();
    for (Visibility visibility : Visibility.values()) {
      switch (manifest.kind()) {
        case HTTP_SERVICE -> scenarios.addAll(scenarios(visibility));
        case SQL -> datasets.addAll(datasets(visibility));
        case STDIO -> tests.addAll(tests(visibility));
        case CONCURRENCY -> throw new IllegalStateException("a concurrency package has no test files");
      }
    }
    if (tests.stream().noneMatch(t -> t.visibility() == Visibility.HIDDEN)
        && scenarios.stream().noneMatch(t -> t.visibility() == Visibility.HIDDEN)
        && datasets.stream().noneMatch(t -> t.visibility() == Visibility.HIDDEN)) {
      throw new PackageException("tests/hidden: a package needs at least one hidden test");
    }
    SqlDatabase database = manifest.kind() == JudgeKind.SQL ? database(manifest, datasets) : null;
    return new ChallengePackage(manifest, statement, starters, tests, references, submissions(manifest), scenarios,
        database, Map.of());
  }

  /** The workload's sources; the API is the starter's, and only there, so nobody can build with another. */
  private Map<String, String> workload(Manifest manifest, Map<Language, Map<String, String>> starters) {
    for (Visibility visibility : Visibility.values()) {
      String dir = "tests/" + visibility.folderName();
      if (Files.exists(root.resolve(dir), LinkOption.NOFOLLOW_LINKS)) {
        throw new PackageException(dir + ": a concurrency package's tests are its workload, under tests/java; there"
            + " are no " + visibility.folderName() + " test files to run");
      }
    }
    ConcurrencySpec spec = manifest.concurrency();
    String api = ConcurrencySpec.sourcePath(spec.api());
    if (!starters.get(Language.JAVA).containsKey(api)) {
      throw new PackageException("starter/java/" + api + ": missing; concurrency.api names it");
    }
    var sources = sources("tests/java");
    if (!sources.containsKey(ConcurrencySpec.sourcePath(spec.workload()))) {
      throw new PackageException("tests/java/" + ConcurrencySpec.sourcePath(spec.workload())
          + ": missing; concurrency.workload names it");
    }
    for (String path : sources.keySet()) {
      if (spec.inApiPackage(path)) {
        // That package is exported to candidates' classes: the workload's own files stay out of it.
        throw new PackageException("tests/java/" + path + ": the API's package is the starter's; put the workload's"
            + " files in a package of their own");
      }
    }
    if (sources.keySet().stream().anyMatch(path -> !path.endsWith(".java") || path.equals("module-info.java"))) {
      throw new PackageException("tests/java: holds the workload's .java sources only; the judge writes its"
          + " module-info.java");
    }
    return sources;
  }

  private SqlDatabase database(Manifest manifest, List<Dataset> datasets) {
    var names = new HashSet<String>();
    for (Dataset dataset : datasets) {
      if (!names.add(dataset.name())) {
        throw new PackageException("tests/hidden/" + dataset.name() + ".sql: a public dataset has this name too");
      }
    }
    long resultsKb = 2L * datasets.size() * manifest.limits().outputKb();
    if (resultsKb > MAX_RESULTS_KB) {
      // Both queries' results on every dataset travel back in one probe report.
      throw new PackageException(ManifestReader.FILE + ": limits.output_kb: two results of up to "
          + manifest.limits().outputKb() + " KiB on each of " + datasets.size() + " datasets must fit in "
          + MAX_RESULTS_KB + " KiB; lower output_kb");
    }
    String timedOn = manifest.query().timedOn();
    if (timedOn != null && datasets.stream().noneMatch(d -> d.name().equals(timedOn))) {
      throw new PackageException(ManifestReader.FILE + ": query.timed_on: '" + timedOn + "' is not a dataset; the"
          + " datasets are " + datasets.stream().map(Dataset::name).toList());
    }
    boolean shared = Files.exists(root.resolve("database"), LinkOption.NOFOLLOW_LINKS);
    return new SqlDatabase(shared ? sources("database") : Map.of(), datasets);
  }

  private List<Dataset> datasets(Visibility visibility) {
    String dir = "tests/" + visibility.folderName();
    var datasets = new ArrayList<Dataset>();
    for (String name : testNames(dir, visibility, ".sql", "datasets")) {
      if (!DATASET_NAME.matcher(name).matches()) {
        throw new PackageException(dir + "/" + name + ".sql: a dataset's name is at most 30 of a-z, 0-9 and single '_'"
            + " between them, starting with a letter");
      }
      datasets.add(new Dataset(name, visibility, text(dir + "/" + name + ".sql")));
    }
    return datasets;
  }

  private List<ScenarioFile> scenarios(Visibility visibility) {
    String dir = "tests/" + visibility.folderName();
    var scenarios = new ArrayList<ScenarioFile>();
    for (String name : testNames(dir, visibility, ".yaml", "scenarios")) {
      String file = dir + "/" + name + ".yaml";
      String yaml = text(file);
      Scenario scenario = ManifestReader.read(file, yaml, Scenario.class);
      scenarios.add(new ScenarioFile(visibility, scenario.named(name), yaml));
    }
    return scenarios;
  }

  /** The names of a tests folder's files, every one of which must end in {@code extension}, without it. */
  private List<String> testNames(String dir, Visibility visibility, String extension, String what) {
    var names = new ArrayList<String>();
    for (String name : testFiles(dir, visibility)) {
      if (!name.endsWith(extension)) {
        throw new PackageException(dir + "/" + name + ": unexpected file; " + what + " are <name>" + extension);
      }
      names.add(name.substring(0, name.length() - extension.length()));
    }
    return names;
  }

  /** The files of a tests folder; git keeps no empty folder, so tests/public may be left out. */
  private List<String> testFiles(String dir, Visibility visibility) {
    boolean optional = visibility == Visibility.PUBLIC && !Files.exists(root.resolve(dir), LinkOption.NOFOLLOW_LINKS);
    return optional ? List.of() : filesIn(dir);
  }

  private Map<Language, Map<String, String>> perLanguage(Manifest manifest, String folder) {
    var byLanguage = new EnumMap<Language, Map<String, String>>(Language.class);
    for (Language language : manifest.languages()) {
      String dir = folder + "/" + language.id();
      var files = sources(dir);
      requireEntry(dir, manifest.entryFile(language), files);
      byLanguage.put(language, files);
    }
    return byLanguage;
  }

  private List<TestCase> tests(Visibility visibility) {
    String dir = "tests/" + visibility.folderName();
    var cases = new ArrayList<TestCase>();
    for (String name : testFiles(dir, visibility)) {
      if (name.endsWith(".in")) {
        String base = name.substring(0, name.length() - 3);
        String answer = dir + "/" + base + ".ans";
        if (!Files.isRegularFile(root.resolve(answer), LinkOption.NOFOLLOW_LINKS)) {
          throw new PackageException(answer + ": missing; every .in needs its .ans");
        }
        cases.add(new TestCase(base, visibility, bytes(dir + "/" + name), bytes(answer)));
      } else if (!name.endsWith(".ans")) {
        throw new PackageException(dir + "/" + name + ": unexpected file; tests are <name>.in with <name>.ans");
      } else if (!Files.isRegularFile(root.resolve(dir + "/" + name.substring(0, name.length() - 4) + ".in"),
          LinkOption.NOFOLLOW_LINKS)) {
        // Else the test would vanish without a word, taken for an answer kept for later.
        throw new PackageException(dir + "/" + name.substring(0, name.length() - 4) + ".in: missing; every .ans needs"
            + " its .in");
      }
    }
    return cases;
  }

  private List<KnownSubmission> submissions(Manifest manifest) {
    var known = new ArrayList<KnownSubmission>();
    for (String folder : dirsIn("submissions")) {
      Verdict expected = Verdict.byFolderName(folder).orElseThrow(() -> new PackageException(
          "submissions/" + folder + ": not a verdict; use one of accepted, wrong_answer, time_limit, ..."));
      for (String name : dirsIn("submissions/" + folder)) {
        String dir = "submissions/" + folder + "/" + name;
        var files = sources(dir);
        Language language = language(manifest, dir, files);
        if (!manifest.languages().contains(language)) {
          throw new PackageException(dir + ": " + language.id() + " is not among the package's languages");
        }
        known.add(new KnownSubmission(name, expected, language, files));
      }
    }
    return known;
  }

  /** A known submission's language, by its entry file; a concurrency package's are all Java. */
  private static Language language(Manifest manifest, String dir, Map<String, String> files) {
    if (manifest.kind() == JudgeKind.CONCURRENCY) {
      requireEntry(dir, manifest.entryFile(Language.JAVA), files);
      return Language.JAVA;
    }
    return Language.byEntryFile(files.keySet()).orElseThrow(() -> new PackageException(
        dir + ": needs exactly one entry file (" + Language.entryFiles() + ")"));
  }

  private static void requireEntry(String dir, String entryFile, Map<String, String> files) {
    if (!files.containsKey(entryFile)) {
      throw new PackageException(dir + "/" + entryFile + ": missing");
    }
  }

  /** Every regular file under {@code dir}, keyed by its path relative to {@code dir}. */
  private Map<String, String> sources(String dir) {
    Path base = existingDir(dir);
    var files = new TreeMap<String, String>();
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        String relative = base.relativize(file).toString();
        if (Files.isSymbolicLink(file)) {
          throw new PackageException(dir + "/" + relative + ": links are not allowed in a package");
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          if (!SandboxPaths.isPlainRelative(relative)) {
            throw new PackageException(dir + "/" + relative + ": file names may use only " + SandboxPaths.ALLOWED);
          }
          files.put(relative, text(dir + "/" + relative));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private List<String> filesIn(String dir) {
    return list(dir, false);
  }

  private List<String> dirsIn(String dir) {
    return Files.isDirectory(root.resolve(dir), LinkOption.NOFOLLOW_LINKS) ? list(dir, true) : List.of();
  }

  private List<String> list(String dir, boolean directories) {
    try (Stream<Path> entries = Files.list(existingDir(dir))) {
      var names = new ArrayList<String>();
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (Files.isSymbolicLink(entry)) {
          throw new PackageException(dir + "/" + name + ": links are not allowed in a package");
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) == directories) {
          names.add(name);
        } else if (directories) {
          throw new PackageException(dir + "/" + name + ": expected a folder");
        }
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path existingDir(String dir) {
    Path path = root.resolve(dir);
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new PackageException(dir + ": missing folder");
    }
    return path;
  }

  private String text(String file) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new PackageException(file + ": not UTF-8 text");
    }
  }

  private byte[] bytes(String file) {
    Path path = root.resolve(file);
    try {
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new PackageException(file + ": missing" + (Files.isSymbolicLink(path) ? " (links are not allowed)" : ""));
      }
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES || bytesRead + size > MAX_PACKAGE_BYTES) {
        throw new PackageException(file + ": too large (a file may have " + (MAX_FILE_BYTES >> 20)
            + " MiB, a package " + (MAX_PACKAGE_BYTES >> 20) + " MiB)");
      }
      bytesRead += size;
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new PackageException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
