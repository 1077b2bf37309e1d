package dev.gauntlet.runner.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gauntlet.runner.challenge.JudgeKind;
import dev.gauntlet.runner.distribution.TestZips;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.JudgeByKind;
import dev.gauntlet.runner.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Verifying a package, against the real engine")
class PackageVerifierIT {
  private final PackageVerifier verifier = new PackageVerifier(new JudgeByKind(new Sandbox(DockerFixture.docker())));

  @TempDir
  Path catalog;
  Path pkg;

  @BeforeEach
  void skeleton() {
    pkg = PackageTemplate.create(JudgeKind.STDIO, "bytes-served", catalog);
  }

  @AfterEach
  void noSandboxLeft() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }

  private void write(String path, String content) throws IOException {
    Files.writeString(pkg.resolve(path), content);
  }

  @Test
  @DisplayName("a new skeleton verifies, and warns that it has no too-slow submission")
  void skeletonVerifies() {
    var report = verifier.verify(pkg);

    assertThat(report.passed()).as(report.render()).isTrue();
    assertThat(report.checks()).extracting(Check::solution)
        .containsExactlyInAnyOrder("reference/java", "reference/python", "submissions/wrong_answer/int-overflow");
    assertThat(report.warnings()).singleElement().asString().contains("no known submission is too slow");
    assertThat(report.render()).contains("submissions/wrong_answer/int-overflow  WRONG_ANSWER   WRONG_ANSWER", "verified");
  }

  @Test
  @DisplayName("a new http-service skeleton verifies: its wrong answer is caught and its slow service scored down")
  void serviceSkeletonVerifies() {
    var service = PackageTemplate.create(JudgeKind.HTTP_SERVICE, "key-value", catalog);

    var report = verifier.verify(service);

    assertThat(report.passed()).as(report.render()).isTrue();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.checks()).extracting(Check::solution, Check::actual).containsExactlyInAnyOrder(
        tuple("reference/python", Verdict.ACCEPTED),
        tuple("submissions/too_slow/nagle-on-keep-alive", Verdict.TOO_SLOW),
        tuple("submissions/wrong_answer/found-for-everything", Verdict.WRONG_ANSWER));
    assertThat(report.render()).as("the latency an author tunes the targets with")
        .containsPattern("submissions/too_slow/nagle-on-keep-alive: p\\d+_ms [0-9.]+ ms against the reference's [0-9.]+ ms");
  }

  @Test
  @DisplayName("a new sql skeleton verifies: its wrong order is caught and its query without an index scored down")
  void sqlSkeletonVerifies() {
    var query = PackageTemplate.create(JudgeKind.SQL, "latest-readings", catalog);

    var report = verifier.verify(query);

    assertThat(report.passed()).as(report.render()).isTrue();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.checks()).extracting(Check::solution, Check::actual).containsExactlyInAnyOrder(
        tuple("reference/sql", Verdict.ACCEPTED),
        tuple("submissions/too_slow/without-index", Verdict.TOO_SLOW),
        tuple("submissions/wrong_answer/oldest-five", Verdict.WRONG_ANSWER));
    assertThat(report.render()).containsPattern(
        "submissions/too_slow/without-index: query_ms [0-9.]+ ms against the reference's [0-9.]+ ms");
  }

  @Test
  @DisplayName("a new concurrency skeleton verifies: its race is caught and its one lock scored down")
  void concurrencySkeletonVerifies() {
    var numbers = PackageTemplate.create(JudgeKind.CONCURRENCY, "order-numbers", catalog);

    var report = verifier.verify(numbers);

    assertThat(report.passed()).as(report.render()).isTrue();
    assertThat(report.checks()).extracting(Check::solution, Check::actual).containsExactlyInAnyOrder(
        tuple("reference/java", Verdict.ACCEPTED),
        tuple("submissions/too_slow/one-lock", Verdict.TOO_SLOW),
        tuple("submissions/wrong_answer/check-then-create", Verdict.WRONG_ANSWER));
    assertThat(report.render()).containsPattern(
        "submissions/too_slow/one-lock: stress_ms [0-9.]+ ms against the reference's [0-9.]+ ms");
  }

  @Test
  @DisplayName("fails a package whose reference is missing, naming the file")
  void missingReference() throws IOException {
    Files.delete(pkg.resolve("reference/python/main.py"));

    var report = verifier.verify(pkg);

    assertThat(report.passed()).isFalse();
    assertThat(report.problems()).containsExactly("reference/python/main.py: missing");
  }

  @Test
  @DisplayName("fails a package whose reference gets a wrong answer, saying on which test")
  void failingReference() throws IOException {
    write("reference/python/main.py", "print(3584)\n");

    var report = verifier.verify(pkg);

    assertThat(report.passed()).isFalse();
    assertThat(report.checks()).filteredOn(c -> c.solution().equals("reference/python")).singleElement()
        .satisfies(c -> {
          assertThat(c.actual()).isEqualTo(Verdict.WRONG_ANSWER);
          assertThat(c.detail()).as("the author sees what a hidden test got")
              .startsWith("test hidden/01-zero: WRONG_ANSWER (token 1: expected '0' but got");
        });
    assertThat(report.render()).contains("reference/python  ", "FAIL", "NOT verified");
  }

  @Test
  @DisplayName("fails a known submission filed under the wrong verdict")
  void wrongExpectedVerdict() throws IOException {
    Path accepted = pkg.resolve("submissions/accepted");
    Files.createDirectories(accepted);
    Files.move(pkg.resolve("submissions/wrong_answer/int-overflow"), accepted.resolve("int-overflow"));

    var report = verifier.verify(pkg);

    assertThat(report.passed()).isFalse();
    assertThat(report.checks()).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
      assertThat(c.solution()).isEqualTo("submissions/accepted/int-overflow");
      assertThat(c.actual()).isEqualTo(Verdict.WRONG_ANSWER);
    });
  }

  @Test
  @DisplayName("fails malformed YAML with the line of the mistake")
  void malformedYaml() throws IOException {
    String manifest = Files.readString(pkg.resolve("challenge.yaml"));
    write("challenge.yaml", manifest.replace("suggested_minutes: 10", "suggested_minutes: [10"));

    var report = verifier.verify(pkg);

    assertThat(report.passed()).isFalse();
    assertThat(report.problems()).singleElement().asString().startsWith("challenge.yaml:");
  }

  @Test
  @DisplayName("fails a reference that leaves too little headroom under the time limit")
  void headroom() throws IOException {
    write("reference/python/main.py", "import time, sys\ntime.sleep(1.2)\nxs = sys.stdin.read().split()\n"
        + "print(sum(int(x) for x in xs[1:]))\n");

    var report = verifier.verify(pkg);

    assertThat(report.passed()).isFalse();
    assertThat(report.problems()).singleElement().asString()
        .startsWith("reference/python takes").contains("over 50% of the 2000 ms limit");
  }

  @Test
  @DisplayName("the command exits 0 for a verified package, 1 for a broken one, 2 for a usage error")
  void exitStatus() throws Exception {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try (var o = new PrintStream(out, true, StandardCharsets.UTF_8); var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      assertThat(ChallengeCommand.run(List.of("verify", pkg.toString()), o, e)).isZero();
      assertThat(ChallengeCommand.run(List.of("new", "stdio", "bytes-served", "--in", catalog.toString()), o, e)).isEqualTo(2);
      Files.delete(pkg.resolve("statement.md"));
      assertThat(ChallengeCommand.run(List.of("verify", pkg.toString()), o, e)).isEqualTo(1);
      assertThat(ChallengeCommand.run(List.of("verify"), o, e)).isEqualTo(2);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("statement.md: missing", "NOT verified");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists", "usage:");
  }

  @Test
  @DisplayName("a zip with a climbing entry or a link fails verify, naming the entry, before anything is judged")
  void unsafeZips() throws Exception {
    var manifest = Files.readAllBytes(pkg.resolve("challenge.yaml"));
    Path climbing = catalog.resolve("climbing.zip");
    Files.write(climbing, TestZips.of(Map.of("bytes-served/challenge.yaml", manifest,
        "bytes-served/../../../etc/cron.d/x", TestZips.text("* * * * * root sh"))));
    Path linked = catalog.resolve("linked.zip");
    Files.write(linked, TestZips.withLinks(Map.of("bytes-served/challenge.yaml", manifest),
        Map.of("bytes-served/statement.md", "/etc/shadow")));
    Path notZip = catalog.resolve("notes.txt");
    Files.writeString(notZip, "hello");

    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try (var o = new PrintStream(out, true, StandardCharsets.UTF_8); var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      assertThat(ChallengeCommand.run(List.of("verify", climbing.toString(), linked.toString()), o, e)).isEqualTo(1);
      assertThat(ChallengeCommand.run(List.of("verify", notZip.toString()), o, e)).isEqualTo(2);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(
        "climbing.zip\n  error: bytes-served/../../../etc/cron.d/x: not a plain relative path",
        "linked.zip\n  error: bytes-served/statement.md: links are not allowed in a package", "NOT verified");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("notes.txt is neither a package folder nor a .zip file");
  }
}
