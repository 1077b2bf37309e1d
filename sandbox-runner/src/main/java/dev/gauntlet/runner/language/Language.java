package dev.gauntlet.runner.language;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The languages a submission can be written in, with how the sandbox builds and runs each.
 *
 * <p>Sources are unpacked under {@code /sandbox/src}; the build writes what runs under
 * {@code /sandbox/out}, which is the working directory of every test run. SQL is neither built nor
 * run as a program: the sql judge hands its statements to a PostgreSQL server.
 */
public enum Language {
  JAVA("java", "Main.java",
      List.of("sh", "-c", Language.JAVAC + " -cp " + Libraries.JAVA_CLASS_PATH
          + " -d /sandbox/out $(find /sandbox/src -name '*.java')"),
      // The heap ceiling sits far above any container limit (it is only reserved, not used), so
      // running out of memory is the kernel's OOM kill, read from the engine, and not an
      // OutOfMemoryError that would pass for a runtime error.
      List.of("java", "-XX:+UseSerialGC", "-Xmx16g", "-XX:-UsePerfData",
          "-Xss64m", "-cp", "/sandbox/out:" + Libraries.JAVA_CLASS_PATH, "Main")),
  PYTHON("python", "main.py",
      // Isolated mode keeps the working directory off the module path: a submitted compileall.py
      // must not run at build time, where the limits are a compiler's and not the program's.
      List.of("sh", "-c", "cp -R /sandbox/src/. /sandbox/out/ && python3 -I -m compileall -q /sandbox/out"),
      List.of("python3", "-S", "-B", "/sandbox/out/main.py")),
  NODE("node", "main.js",
      // Nothing to compile: the build checks the syntax of every file, so a typo is a build error.
      List.of("sh", "-c", "cp -R /sandbox/src/. /sandbox/out/ && find /sandbox/out -name '*.js' -exec node --check {} +"),
      List.of("node", "/sandbox/out/main.js")),
  GO("go", "main.go",
      List.of("sh", "-c", "cp -R /opt/gocache /sandbox/.gocache && mkdir -p /sandbox/.gotmp && cd /sandbox/src"
          + " && { [ -f go.mod ] || printf 'module solution\\n\\ngo 1.24\\n' > go.mod; }"
          + " && env CGO_ENABLED=0 GOCACHE=/sandbox/.gocache GOTMPDIR=/sandbox/.gotmp GOTOOLCHAIN=local GOPROXY=off"
          + " GOFLAGS=-mod=mod go build -o /sandbox/out/main ."),
      // Files travel between sandboxes as plain bytes, without their modes.
      List.of("sh", "-c", "chmod u+x /sandbox/out/main && exec /sandbox/out/main")),
  /** A query, with index statements beside it in {@code indexes.sql}; judged by kind sql only. */
  SQL("sql", "query.sql", "postgres", List.of(), List.of());

  /** javac as every Java build in a sandbox runs it: quick to start, and no annotation processor of the candidate's. */
  public static final String JAVAC = "javac -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -encoding UTF-8 -nowarn"
      + " -proc:none";

  private final String id;
  private final String entryFile;
  private final String runtime;
  private final List<String> buildCommand;
  private final List<String> runCommand;

  Language(String id, String entryFile, List<String> buildCommand, List<String> runCommand) {
    this(id, entryFile, id, buildCommand, runCommand);
  }

  Language(String id, String entryFile, String runtime, List<String> buildCommand, List<String> runCommand) {
    this.id = id;
    this.entryFile = entryFile;
    this.runtime = runtime;
    this.buildCommand = buildCommand;
    this.runCommand = runCommand;
  }

  /** The name used in manifests, API requests and image names. */
  @JsonValue
  public String id() {
    return id;
  }

  /** The runtime image this language's submissions are judged in, by its folder name under {@code images/}. */
  public String runtime() {
    return runtime;
  }

  /** The file every submission in this language must contain. */
  public String entryFile() {
    return entryFile;
  }

  /** Empty for SQL. */
  public List<String> buildCommand() {
    return buildCommand;
  }

  /** Empty for SQL. */
  public List<String> runCommand() {
    return runCommand;
  }

  /** The entry files of every language, for messages that list them. */
  public static String entryFiles() {
    return String.join(", ", Arrays.stream(values()).map(Language::entryFile).toList());
  }

  public static Optional<Language> byId(String id) {
    return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
  }

  /** The language whose entry file is among these file names, if exactly one matches. */
  public static Optional<Language> byEntryFile(Collection<String> fileNames) {
    List<Language> matching = Arrays.stream(values()).filter(l -> fileNames.contains(l.entryFile)).toList();
    return matching.size() == 1 ? Optional.of(matching.getFirst()) : Optional.empty();
  }
}
