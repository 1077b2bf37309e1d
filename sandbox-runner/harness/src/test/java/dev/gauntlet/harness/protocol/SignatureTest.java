package dev.gauntlet.harness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignatureTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  private static String passingBody() {
    var writer = new Report.Writer();
    writer.timed(1_000_000);
    return writer.end();
  }

  @Test
  void findsTheSignedReportAmongWhatTheClassPrinted() {
    String output = "hello\ngauntlet-report 00ff " + Base64.getEncoder().encodeToString(passingBody().getBytes(
        StandardCharsets.UTF_8)) + "\n" + Signature.signer(KEY).line(passingBody()) + "bye\n";

    assertThat(Signature.verifiedBody(KEY, output)).contains(passingBody());
  }

  @Test
  void aLineSignedWithAnotherKeyOrAlteredIsNotAReport() {
    String forged = Signature.signer(OTHER_KEY).line(passingBody());
    String genuine = Signature.signer(KEY).line("problem\tVIOLATION\tlost money\nend\n");
    String altered = genuine.substring(0, genuine.lastIndexOf(' ') + 1)
        + Base64.getEncoder().encodeToString(passingBody().getBytes(StandardCharsets.UTF_8)) + "\n";

    assertThat(Signature.verifiedBody(KEY, forged)).isEmpty();
    assertThat(Signature.verifiedBody(KEY, altered)).isEmpty();
    assertThat(Signature.verifiedBody(KEY, "gauntlet-report zz !!\ngauntlet-report\n")).isEmpty();
  }

  @Test
  void whatAClassReturnsCannotAddALineOrAField() {
    var writer = new Report.Writer();
    writer.call(new Report.RecordedCall(0, 1, 2, 10, 20, "a\tb\nproblem\tSTUCK\tx\\"));
    writer.problem(ProblemKind.THREW, "line one\nline two");

    Report report = Report.parse(writer.end());

    assertThat(report.calls()).singleElement().extracting(Report.RecordedCall::result)
        .isEqualTo("a\tb\nproblem\tSTUCK\tx\\");
    assertThat(report.problem()).isEqualTo(new Report.Problem(ProblemKind.THREW, "line one\nline two"));
    assertThat(report.timedNanos()).isEmpty();
  }

  @Test
  void aPlanReadsBackAsItWasWritten() {
    var plan = new Plan("Numbers", -42, 200, 3, 4, 8, 1000, 3, 4500, null);

    assertThat(Plan.parse(plan.text())).isEqualTo(plan);
    assertThat(Plan.parse(plan.withCheck("histories").text()).check()).isEqualTo("histories");
  }

  @Test
  void aReportCutShortOrWithStrangeLinesIsRefused() {
    assertThatThrownBy(() -> Report.parse("timed\t5\n")).hasMessageContaining("cut short");
    assertThatThrownBy(() -> Report.parse("passed\nend\n")).hasMessageContaining("not a report line");
    assertThatThrownBy(() -> Report.parse("end\ntimed\t5\nend\n")).hasMessageContaining("after its end");
    assertThat(Report.parse("timed\t5\ntimed\t7\nchecked\t200\nend\n"))
        .isEqualTo(new Report(List.of(), List.of(5L, 7L), 200, null));
  }
}
