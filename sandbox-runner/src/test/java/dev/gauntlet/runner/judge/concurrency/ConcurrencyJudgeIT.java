package dev.gauntlet.runner.judge.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.challenge.PackageLoader;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.language.Language;
import dev.gauntlet.runner.verdict.JudgeResult;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency judge against classes that try to forge their verdict instead of earning it, in
 * real sandboxes. Each forger is otherwise wrong (or, where that proves more, otherwise right): the
 * trick is all it has, and it must earn nothing.
 */
@DisplayName("Judging a concurrent class")
class ConcurrencyJudgeIT {
  private static final String MANIFEST = """
      format: gauntlet/1
      id: sequence
      title: A sequence of numbers
      kind: concurrency
      languages: [java]
      suggested_minutes: 10
      limits: { build_seconds: 60, wall_seconds: 4, memory_mb: 512, cpus: 2.0, pids: 128, output_kb: 64 }
      scoring: { correctness: 100, performance: 0 }
      concurrency: { api: seq.Sequence, implementation: Numbers, workload: seq.workload.SequenceWorkload, threads: 4, operations: 20000 }
      """;
  private static final String API = """
      package seq;

      /** Hands out 1, 2, 3, ..., each number once. */
      public interface Sequence {
        long next();
      }
      """;
  private static final String WORKLOAD = """
      package seq.workload;

      import dev.gauntlet.harness.api.Call;
      import dev.gauntlet.harness.api.Workload;
      import java.util.List;
      import java.util.SplittableRandom;
      import seq.Sequence;

      public final class SequenceWorkload implements Workload<Sequence> {
        public Class<Sequence> api() {
          return Sequence.class;
        }

        public Sequence create(Class<? extends Sequence> implementation) throws ReflectiveOperationException {
          return implementation.getConstructor().newInstance();
        }

        public Call<Sequence> call(SplittableRandom random) {
          return new Call<>("next()", Sequence::next);
        }

        public Object stress(Sequence target, int thread, SplittableRandom random, int operations) {
          long[] seen = new long[operations];
          for (int i = 0; i < operations; i++) {
            seen[i] = target.next();
          }
          return seen;
        }

        public String verify(Sequence target, List<Object> tallies) {
          int total = tallies.stream().mapToInt(t -> ((long[]) t).length).sum();
          boolean[] handedOut = new boolean[total + 1];
          for (Object tally : tallies) {
            for (long n : (long[]) tally) {
              if (n < 1 || n > total || handedOut[(int) n]) {
                return n + " was handed out twice, or out of range";
              }
              handedOut[(int) n] = true;
            }
          }
          return null;
        }
      }
      """;
  private static final String ATOMIC = """
      public final class Numbers implements seq.Sequence {
        private final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
        %s
        public long next() {
          %s
          return last.incrementAndGet();
        }
      }
      """;
  /** Loses numbers to races: what a forger has to offer besides its trick. */
  private static final String RACY = """
      public final class Numbers implements seq.Sequence {
        private long last;
        %s
        public long next() {
          %s
          return ++last;
        }
      }
      """;

  /**
   * A security provider whose MAC, handed the harness's key, signs a report of its own. The JDK lists
   * a provider named SunEC that is not in java.base, and would load a class of that name from the
   * class path.
   */
  private static final String EVIL_PROVIDER = """
      public final class Evil extends java.security.Provider {
        public Evil() {
          super("SunEC", "1", "evil");
          put("Mac.HmacSHA256", Forger.class.getName());
        }

        public static final class Forger extends javax.crypto.MacSpi {
          private javax.crypto.Mac real;

          protected int engineGetMacLength() {
            return 32;
          }

          protected void engineInit(java.security.Key key, java.security.spec.AlgorithmParameterSpec params) {
            try {
              real = javax.crypto.Mac.getInstance("HmacSHA256", "SunJCE");
              real.init(key);
            } catch (java.security.GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          }

          protected void engineUpdate(byte input) {
          }

          protected void engineUpdate(byte[] input, int offset, int length) {
          }

          protected byte[] engineDoFinal() {
            byte[] forged = "checked\\t200\\nend\\n".getBytes();
            System.out.println("\\ngauntlet-report " + java.util.HexFormat.of().formatHex(real.doFinal(forged)) + " "
                + java.util.Base64.getEncoder().encodeToString(forged));
            System.out.flush();
            Runtime.getRuntime().halt(0);
            return new byte[32];
          }

          protected void engineReset() {
          }
        }
      }
      """;

  @TempDir
  private static Path root;
  private static ChallengePackage pkg;

  private final ConcurrencyJudge judge = new ConcurrencyJudge(new Sandbox(DockerFixture.docker()));

  @BeforeAll
  static void writePackage() throws IOException {
    Path dir = root.resolve("sequence");
    write(dir.resolve("challenge.yaml"), MANIFEST);
    write(dir.resolve("statement.md"), "# A sequence\n");
    write(dir.resolve("starter/java/seq/Sequence.java"), API);
    write(dir.resolve("starter/java/Numbers.java"), RACY.formatted("", ""));
    write(dir.resolve("reference/java/Numbers.java"), ATOMIC.formatted("", ""));
    write(dir.resolve("tests/java/seq/workload/SequenceWorkload.java"), WORKLOAD);
    pkg = PackageLoader.load(dir);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private JudgeResult judge(String source) {
    return judge.judge(pkg, new Submission(Language.JAVA, Map.of("Numbers.java", source)), Progress.NONE);
  }

  @Test
  @DisplayName("a correct class is accepted: its histories replayed on the reference, its stress runs checked")
  void correctClass() {
    var result = judge(ATOMIC.formatted("", ""));

    assertThat(result.verdict()).as(result.message()).isEqualTo(Verdict.ACCEPTED);
    assertThat(result.score()).isEqualTo(100);
    assertThat(result.tests()).extracting(t -> t.name() + " " + t.verdict())
        .containsExactly("stress ACCEPTED", "linearizability ACCEPTED");
  }

  @Test
  @DisplayName("a race is found, and its own copy of the interface does not change what it must implement")
  void race() {
    var result = judge.judge(pkg, new Submission(Language.JAVA, Map.of("Numbers.java", RACY.formatted("", ""),
        "seq/Sequence.java", "package seq;\npublic interface Sequence { long next(); default long peek() { return 0; } }\n")),
        Progress.NONE);

    assertThat(result.verdict()).as(result.message()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(result.score()).isZero();
    assertThat(result.message()).containsAnyOf("handed out twice", "no order of them");
  }

  @Test
  @DisplayName("numbers handed out in blocks per thread pass the stress check but no order explains them: the replay catches it")
  void notLinearizable() {
    String blocks = """
        public final class Numbers implements seq.Sequence {
          private final java.util.concurrent.atomic.AtomicLong blocks = new java.util.concurrent.atomic.AtomicLong();
          private final ThreadLocal<long[]> mine = ThreadLocal.withInitial(() -> new long[2]);

          public long next() {
            long[] block = mine.get();
            if (block[0] == block[1]) {
              block[0] = blocks.getAndIncrement() * 100;
              block[1] = block[0] + 100;
            }
            return ++block[0];
          }
        }
        """;
    var result = judge(blocks);

    assertThat(result.verdict()).as(result.message()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(result.score()).isZero();
    assertThat(result.tests()).extracting(t -> t.name() + " " + t.verdict())
        .containsExactly("stress ACCEPTED", "linearizability WRONG_ANSWER");
    assertThat(result.message()).contains("no order of them", "thread 1: next() → ");
  }

  @Test
  @DisplayName("a result line printed by the class, with any signature it can make, is not a report")
  void fakeReport() {
    String forge = """
        static {
          String body = "timed\\t1000\\nchecked\\t200\\nend\\n";
          String base64 = java.util.Base64.getEncoder().encodeToString(body.getBytes());
          System.out.println("gauntlet-report " + "00".repeat(32) + " " + base64);
          System.out.flush();
          Runtime.getRuntime().halt(0);
        }
        """;
    var result = judge(RACY.formatted(forge, ""));

    // The halt is refused; the line it printed is ignored, and the class is judged on what it does.
    assertThat(result.verdict()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(result.score()).isZero();
    assertThat(result.message()).contains("AccessControlException", "exitVM");
  }

  /** One way to the key, or to changing what judges the class, and how it is refused. */
  private record Trick(String name, String attempt, String refusal) {
  }

  private static final List<Trick> TRICKS = List.of(
      new Trick("reflection into the harness", "java.lang.invoke.MethodHandles.privateLookupIn("
          + "Class.forName(\"dev.gauntlet.harness.run.HarnessMain\"), java.lang.invoke.MethodHandles.lookup());",
          "suppressAccessChecks"),
      new Trick("the harness's signing code", "Class.forName(\"dev.gauntlet.harness.protocol.Signature\")"
          + ".getMethod(\"signer\", byte[].class).invoke(null, new byte[32]);", "IllegalAccessException"),
      new Trick("sun.misc.Unsafe", "Class.forName(\"sun.misc.Unsafe\").getDeclaredField(\"theUnsafe\");",
          "accessClassInPackage.sun.misc"),
      new Trick("a native library of its own", "java.nio.file.Files.copy(java.nio.file.Path.of("
          + "\"/opt/harness-jre/lib/libzip.so\"), java.nio.file.Path.of(\"evil.so\"));", "FilePermission"),
      new Trick("the full JDK's libraries",
          "System.load(\"/usr/lib/jvm/java-21-openjdk-amd64/lib/libmanagement_ext.so\");", "loadLibrary"),
      new Trick("the runtime's own libjava", "System.load(\"/opt/harness-jre/lib/libjava.so\");", "loadLibrary"),
      new Trick("a class loader of its own", "new ClassLoader() { };", "createClassLoader"),
      new Trick("memory through the FFM API", "Class<?> m = Class.forName(\"java.lang.foreign.MemorySegment\");"
          + " m.getMethod(\"reinterpret\", long.class).invoke(m.getMethod(\"ofAddress\", long.class)"
          + ".invoke(null, 8L), 8L);", "IllegalCallerException"),
      new Trick("its own memory", "new java.io.RandomAccessFile(\"/proc/self/mem\", \"r\").close();",
          "FilePermission"),
      new Trick("the workload's class files", "java.nio.file.Files.write(java.nio.file.Path.of("
          + "\"module/seq/workload/SequenceWorkload.class\"), new byte[0]);", "FilePermission"),
      new Trick("exiting", "System.exit(0);", "exitVM"));

  @Test
  @DisplayName("a class cannot reach what signs the report or judges it: every way in is refused")
  void reachesForTheKey() {
    // One class tries them all and says how each was refused; one that went through says so.
    var attempts = new StringBuilder("static {\n  StringBuilder refusals = new StringBuilder();\n");
    for (int i = 0; i < TRICKS.size(); i++) {
      attempts.append("  try { ").append(TRICKS.get(i).attempt()).append(" refusals.append(\"#").append(i)
          .append(" went through; \"); } catch (Throwable e) { refusals.append(\"#").append(i)
          .append(" \").append(refused(e)).append(\"; \"); }\n");
    }
    attempts.append("  if (refusals.length() > 0) {\n    throw new RuntimeException(refusals.toString());\n  }\n}\n")
        .append("private static String refused(Throwable e) {\n")
        .append("  Throwable c = e instanceof java.lang.reflect.InvocationTargetException i ? i.getCause() : e;\n")
        .append("  return c.getClass().getSimpleName() + \": \" + c.getMessage();\n}\n");

    var result = judge(RACY.formatted(attempts, ""));

    assertThat(result.verdict()).as(result.message()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(result.score()).isZero();
    assertThat(result.message()).doesNotContain("went through");
    for (int i = 0; i < TRICKS.size(); i++) {
      String refusal = result.message().replaceFirst("(?s).*#" + i + " ([^;]*);.*", "$1");
      assertThat(refusal).as(TRICKS.get(i).name()).contains(TRICKS.get(i).refusal());
    }
  }

  @Test
  @DisplayName("a cryptographic provider installed by the class is never handed the key: the signer was bound before")
  void provider() {
    var result = judge.judge(pkg, new Submission(Language.JAVA, Map.of(
        "Numbers.java", RACY.formatted("static { java.security.Security.insertProviderAt(new Evil(), 1); }", ""),
        "Evil.java", EVIL_PROVIDER)), Progress.NONE);

    assertThat(result.verdict()).as(result.message()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(result.score()).isZero();
    assertThat(result.message()).contains("AccessControlException", "ProviderProperty");
  }

  @Test
  @DisplayName("a provider the JDK would look up by name on the class path is not there to be found")
  void providerByName() {
    String sunEc = EVIL_PROVIDER.replace("Evil", "SunEC");
    var result = judge.judge(pkg, new Submission(Language.JAVA, Map.of("Numbers.java", RACY.formatted("", ""),
        "SunEC.java", sunEc)), Progress.NONE);

    assertThat(result.verdict()).as(result.message()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(result.score()).isZero();
  }

  @Test
  @DisplayName("a thread that outlives the calls earns nothing, even for a class that is otherwise right")
  void leftoverThread() {
    String start = """
        static {
          Thread worker = new Thread(() -> {
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }, "helper");
          worker.setDaemon(true);
          worker.start();
        }
        """;
    var result = judge(ATOMIC.formatted(start, ""));

    assertThat(result.verdict()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(result.score()).isZero();
    assertThat(result.message()).contains("still running after trial 1: helper");
  }

  @Test
  @DisplayName("a call that sleeps past the deadline earns nothing, even for a class that is otherwise right")
  void sleepsPastTheTest() {
    var result = judge(ATOMIC.formatted("", "try { Thread.sleep(60_000); } catch (InterruptedException e) { }"));

    assertThat(result.verdict()).isEqualTo(Verdict.TIME_LIMIT);
    assertThat(result.score()).isZero();
    assertThat(result.message()).contains("had not returned by the deadline", "TIMED_WAITING");
  }
}
