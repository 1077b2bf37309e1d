package dev.gauntlet.runner.judge.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.challenge.Limits;
import dev.gauntlet.runner.challenge.Manifest;
import dev.gauntlet.runner.challenge.Scoring;
import dev.gauntlet.runner.challenge.TestCase;
import dev.gauntlet.runner.challenge.Tolerance;
import dev.gauntlet.runner.challenge.Visibility;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.RetryingJudge;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.TestResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stdio judge, against the real engine")
class StdioJudgeIT {
  /** Sums the numbers on standard input. */
  private static final ChallengePackage SUM = new ChallengePackage(
      new Manifest(Manifest.FORMAT, "sum", "Sum", JudgeKind.STDIO, List.of(), List.of(Language.JAVA, Language.PYTHON),
          5, new Limits(60, 2, 256, 1.0, 64, 64), new Scoring(100, 0), Tolerance.EXACT),
      "Add the numbers.", Map.of(), List.of(
          test("small", Visibility.PUBLIC, "1 2 3\n", "6\n"),
          test("negative", Visibility.HIDDEN, "-5 5 7\n", "7\n"),
          test("big", Visibility.HIDDEN, "1000000000 1000000000\n", "2000000000\n")),
      Map.of(), List.of());

  private final StdioJudge judge = new StdioJudge(new Sandbox(DockerFixture.docker()));

  private static TestCase test(String name, Visibility visibility, String in, String ans) {
    return new TestCase(name, visibility, in.getBytes(StandardCharsets.UTF_8), ans.getBytes(StandardCharsets.UTF_8));
  }

  private static JudgeResult judge(StdioJudge judge, Language language, String source) {
    return judge.judge(SUM, new Submission(language, Map.of(language.entryFile(), source)), Progress.NONE);
  }

  private JudgeResult python(String source) {
    return judge(judge, Language.PYTHON, source);
  }

  private JudgeResult java(String body) {
    return judge(judge, Language.JAVA, """
        import java.util.*;
        public class Main {
          public static void main(String[] args) throws Exception {
            %s
          }
        }
        """.formatted(body));
  }

  @AfterEach
  void noSandboxOutlivesAJudgement() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  @Test
  @DisplayName("accepts a right Java solution, with time and memory per test, and reports each test as it goes")
  void acceptsJava() {
    var seen = new ArrayList<TestResult>();
    var result = judge.judge(SUM, new Submission(Language.JAVA, Map.of("Main.java", """
        import java.util.Scanner;
        public class Main {
          public static void main(String[] args) {
            Scanner in = new Scanner(System.in);
            long sum = 0;
            while (in.hasNextLong()) sum += in.nextLong();
            System.out.println(sum);
          }
        }
        """)), (test, done, total) -> seen.add(test));

    assertThat(result.verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(result.score()).isEqualTo(100);
    assertThat(result.tests()).hasSize(3).allSatisfy(t -> {
      assertThat(t.verdict()).isEqualTo(Verdict.ACCEPTED);
      assertThat(t.wallMs()).isPositive();
      assertThat(t.memoryKb()).isPositive();
    });
    assertThat(seen).isEqualTo(result.tests());
  }

  @Test
  @DisplayName("gives WRONG_ANSWER with the differing token, which a candidate sees for a public test only")
  void wrongAnswer() {
    var publicFails = python("print(sum(map(int, open(0).read().split())) + 1)");
    assertThat(publicFails.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(publicFails.tests()).singleElement()
        .satisfies(t -> assertThat(t.detail()).isEqualTo("token 1: expected '6' but got '7'"));

    var hiddenFails = python("print(sum(x for x in map(int, open(0).read().split()) if x > 0))");
    assertThat(hiddenFails.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(hiddenFails.tests()).hasSize(2);
    assertThat(hiddenFails.tests().get(1).visibility()).isEqualTo(Visibility.HIDDEN);
    assertThat(hiddenFails.tests().get(1).detail()).as("for the author").startsWith("token 1: expected");
    assertThat(hiddenFails.forCandidates().tests().get(1).detail()).isNull();
    assertThat(publicFails.forCandidates().tests().getFirst().detail()).isEqualTo("token 1: expected '6' but got '7'");
  }

  @Test
  @DisplayName("gives partial correctness points for the hidden tests passed before the first failure")
  void partialScore() {
    var result = python("""
        xs = list(map(int, open(0).read().split()))
        print(sum(xs) if max(xs) < 10**6 else 0)
        """);

    assertThat(result.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(result.score()).isEqualTo(50);
  }

  @Test
  @DisplayName("gives TIME_LIMIT to an endless loop, within a second of the limit")
  void timeLimit() {
    long started = System.nanoTime();
    var result = java("while (true) { }");
    var elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.verdict()).isEqualTo(Verdict.TIME_LIMIT);
    assertThat(result.tests()).singleElement().satisfies(t -> assertThat(t.wallMs()).isBetween(2_000L, 3_000L));
    assertThat(elapsed).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("gives MEMORY_LIMIT to Java and Python programs that allocate 2 GiB")
  void memoryLimit() {
    assertThat(java("long[] big = new long[1 << 28]; System.out.println(big.length);").verdict())
        .isEqualTo(Verdict.MEMORY_LIMIT);
    assertThat(python("big = bytearray(2 << 30)\nprint(len(big))").verdict()).isEqualTo(Verdict.MEMORY_LIMIT);
  }

  @Test
  @DisplayName("gives BUILD_ERROR with the compiler's message")
  void buildError() {
    var java = java("int x = ;");
    assertThat(java.verdict()).isEqualTo(Verdict.BUILD_ERROR);
    assertThat(java.message()).startsWith("Main.java:4: error: illegal start of expression");
    assertThat(java.tests()).isEmpty();

    var python = python("def f(:\n  pass\n");
    assertThat(python.verdict()).isEqualTo(Verdict.BUILD_ERROR);
    assertThat(python.message()).contains("main.py", "SyntaxError");
  }

  @Test
  @DisplayName("gives RUNTIME_ERROR with the program's error output on a public test")
  void runtimeError() {
    var result = python("raise SystemExit('no input for you')");

    assertThat(result.verdict()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(result.tests().getFirst().detail()).contains("exited with status 1", "no input for you");
  }

  @Test
  @DisplayName("gives OUTPUT_LIMIT to a program that prints without end")
  void outputLimit() {
    assertThat(python("while True: print('y' * 100)").verdict()).isEqualTo(Verdict.OUTPUT_LIMIT);
  }

  @Test
  @DisplayName("gives BUILD_ERROR to a build that outlives the package's build time, stopped by the outside clock")
  void buildTimeLimit() {
    var quickBuild = new ChallengePackage(new Manifest(Manifest.FORMAT, "sum", "Sum", JudgeKind.STDIO, List.of(),
        List.of(Language.JAVA), 5, new Limits(1, 2, 256, 1.0, 64, 64), new Scoring(100, 0), Tolerance.EXACT),
        "", Map.of(), SUM.tests(), Map.of(), List.of());
    // Four files of 700 generic methods each keep javac busy for seconds on one CPU.
    var files = new HashMap<String, String>(Map.of("Main.java", "public class Main { public static void main(String[] a) { } }"));
    for (int f = 0; f < 4; f++) {
      var source = new StringBuilder("class Busy" + f + " {\n");
      for (int i = 0; i < 700; i++) {
        source.append("  static List<Map<String, Integer>> m%d(List<Map<String, Integer>> a) { return List.of(Map.of(\"k\", a.size() + %d)); }\n".formatted(i, i));
      }
      files.put("Busy" + f + ".java", "import java.util.*;\n" + source + "}\n");
    }
    long started = System.nanoTime();
    var result = judge.judge(quickBuild, new Submission(Language.JAVA, files), Progress.NONE);

    assertThat(result.verdict()).isEqualTo(Verdict.BUILD_ERROR);
    assertThat(result.message()).isEqualTo("the build ran out of time");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("gives JUDGE_ERROR, after its tries and charging nothing, when the engine does not answer")
  void engineGone() throws Exception {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost("unix:///tmp/gauntlet-no-engine-" + UUID.randomUUID() + ".sock").build();
    var http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
    try (var docker = DockerClientImpl.getInstance(config, http); var sandbox = new Sandbox(docker)) {
      var result = new RetryingJudge(new StdioJudge(sandbox), 3, Duration.ofMillis(10))
          .judge(SUM, new Submission(Language.PYTHON, Map.of("main.py", "print(6)")), Progress.NONE);

      assertThat(result.verdict()).isEqualTo(Verdict.JUDGE_ERROR);
      assertThat(result.score()).isZero();
      assertThat(result.maxScore()).isEqualTo(100);
      assertThat(result.message()).contains("failed 3 times", "not charged");
    }
  }
}
