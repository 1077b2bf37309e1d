package dev.gauntlet.runner.judge.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.probe.sql.SqlReport.Column;
import dev.gauntlet.probe.sql.SqlReport.Outcome;
import dev.gauntlet.runner.challenge.Tolerance;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Comparing a result with the reference's")
class ResultComparisonTest {
  private static final List<Column> COLUMNS = List.of(new Column("name", "text"), new Column("share", "numeric"));
  private static final Outcome EXPECTED = result(COLUMNS, List.of(row("a", "0.25"), row("b", "0.75"), row(null, "0")));

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  private static Outcome result(List<Column> columns, List<List<String>> rows) {
    return new Outcome(columns, rows, false, null, null, 0);
  }

  @Test
  @DisplayName("unordered: the same rows in any order match; ordered: only in the reference's order")
  void order() {
    var shuffled = result(COLUMNS, List.of(row(null, "0"), row("b", "0.75"), row("a", "0.25")));

    assertThat(new ResultComparison(false, Tolerance.EXACT).difference(EXPECTED, shuffled)).isEmpty();
    assertThat(new ResultComparison(true, Tolerance.EXACT).difference(EXPECTED, shuffled))
        .contains("right rows, wrong order: row 1 is (NULL, 0) where (a, 0.25) was expected");
  }

  @Test
  @DisplayName("numbers match within the tolerance, text and NULL exactly")
  void tolerance() {
    var close = result(COLUMNS, List.of(row("a", "0.2500001"), row("b", "0.75"), row(null, "0.0000002")));
    var nullForText = result(COLUMNS, List.of(row("a", "0.25"), row("b", "0.75"), row("", "0")));
    var tolerant = new ResultComparison(true, new Tolerance(1e-6, 0));

    assertThat(tolerant.difference(EXPECTED, close)).isEmpty();
    assertThat(new ResultComparison(true, Tolerance.EXACT).difference(EXPECTED, close))
        .contains("expected a row (NULL, 0) where the result has (NULL, 0.0000002)");
    assertThat(tolerant.difference(EXPECTED, nullForText)).contains("expected a row (NULL, 0) where the result has (, 0)");
  }

  @Test
  @DisplayName("columns are compared by name and type before any row, then the row count")
  void shape() {
    var renamed = result(List.of(new Column("name", "text"), new Column("ratio", "numeric")), List.of());
    var retyped = result(List.of(new Column("name", "text"), new Column("share", "float8")), List.of());
    var shorter = result(COLUMNS, List.of(row("a", "0.25")));
    var comparison = new ResultComparison(false, Tolerance.EXACT);

    assertThat(comparison.difference(EXPECTED, renamed)).contains("expected the columns (name, share) but got (name, ratio)");
    assertThat(comparison.difference(EXPECTED, retyped)).contains("column share: expected type numeric but got float8");
    assertThat(comparison.difference(EXPECTED, shorter)).contains("expected 3 rows but got 1");
  }
}
