package dev.gauntlet.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.challenge.ChallengePackage;
import dev.gauntlet.runner.docker.DockerFixture;
import dev.gauntlet.runner.docker.Sandbox;
import dev.gauntlet.runner.judge.Progress;
import dev.gauntlet.runner.judge.Submission;
import dev.gauntlet.runner.judge.stdio.StdioJudge;
import dev.gauntlet.runner.verdict.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every bundled package, judged for real: references pass, known submissions get their verdict. */
@DisplayName("Bundled packages judged in Docker")
class KnownSubmissionsIT {
  private static final StdioJudge JUDGE = new StdioJudge(new Sandbox(DockerFixture.docker()));

  @TestFactory
  Stream<DynamicNode> everyPackage() {
    return BundledCatalogTest.packages().map(pkg -> DynamicContainer.dynamicContainer(pkg.id(), Stream.concat(
        pkg.references().entrySet().stream().map(ref -> DynamicTest.dynamicTest(
            "reference/" + ref.getKey().id() + " is accepted",
            () -> expect(pkg, new Submission(ref.getKey(), ref.getValue()), Verdict.ACCEPTED))),
        pkg.submissions().stream().map(known -> DynamicTest.dynamicTest(
            "submissions/" + known.expected().folderName() + "/" + known.name(),
            () -> expect(pkg, new Submission(known.language(), known.files()), known.expected()))))));
  }

  private static void expect(ChallengePackage pkg, Submission submission, Verdict expected) {
    var result = JUDGE.judge(pkg, submission, Progress.NONE);
    assertThat(result.verdict()).as("verdict; tests: %s; message: %s", result.tests(), result.message())
        .isEqualTo(expected);
  }

  @AfterAll
  static void noSandboxLeft() {
    assertThat(DockerFixture.sandboxContainers()).isZero();
  }
}
