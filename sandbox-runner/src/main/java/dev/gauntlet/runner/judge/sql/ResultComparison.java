package dev.gauntlet.runner.judge.sql;

import dev.gauntlet.probe.sql.SqlReport.Column;
import dev.gauntlet.probe.sql.SqlReport.Outcome;
import dev.gauntlet.runner.challenge.Tolerance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a query's result with the reference's on the same data: column names and types first,
 * then the rows, as a multiset unless the statement demands an order. Numbers match within the
 * package's tolerance. A result with the right rows in the wrong order says so.
 */
final class ResultComparison {
  private static final Set<String> NUMERIC = Set.of("int2", "int4", "int8", "numeric", "float4", "float8");
  private static final int SHOWN_CHARS = 120;

  private final boolean ordered;
  private final Tolerance tolerance;

  ResultComparison(boolean ordered, Tolerance tolerance) {
    this.ordered = ordered;
    this.tolerance = tolerance;
  }

  /** Empty when the result is right; otherwise the first way it differs. */
  Optional<String> difference(Outcome expected, Outcome actual) {
    var columns = columns(expected.columns(), actual.columns());
    if (columns.isPresent()) {
      return columns;
    }
    if (expected.rows().size() != actual.rows().size()) {
      return Optional.of("expected " + expected.rows().size() + " rows but got " + actual.rows().size());
    }
    var numeric = expected.columns().stream().map(c -> NUMERIC.contains(c.type())).toList();
    var order = rowOrder(numeric);
    var wantSorted = expected.rows().stream().sorted(order).toList();
    var gotSorted = actual.rows().stream().sorted(order).toList();
    int differing = firstDifference(wantSorted, gotSorted, numeric);
    if (differing >= 0) {
      return Optional.of("expected a row " + show(wantSorted.get(differing)) + " where the result has "
          + show(gotSorted.get(differing)));
    }
    if (ordered) {
      int misplaced = firstDifference(expected.rows(), actual.rows(), numeric);
      if (misplaced >= 0) {
        return Optional.of("right rows, wrong order: row " + (misplaced + 1) + " is " + show(actual.rows().get(misplaced))
            + " where " + show(expected.rows().get(misplaced)) + " was expected");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> columns(List<Column> expected, List<Column> actual) {
    var wantNames = expected.stream().map(Column::name).toList();
    var gotNames = actual.stream().map(Column::name).toList();
    if (!wantNames.equals(gotNames)) {
      return Optional.of("expected the columns (" + String.join(", ", wantNames) + ") but got ("
          + String.join(", ", gotNames) + ")");
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).type().equals(actual.get(i).type())) {
        return Optional.of("column " + wantNames.get(i) + ": expected type " + expected.get(i).type() + " but got "
            + actual.get(i).type());
      }
    }
    return Optional.empty();
  }

  private int firstDifference(List<List<String>> want, List<List<String>> got, List<Boolean> numeric) {
    for (int i = 0; i < want.size(); i++) {
      if (!same(want.get(i), got.get(i), numeric)) {
        return i;
      }
    }
    return -1;
  }

  /** Numbers match within the tolerance; anything else, text that looks like a number too, exactly. */
  private boolean same(List<String> want, List<String> got, List<Boolean> numeric) {
    for (int i = 0; i < want.size(); i++) {
      String w = want.get(i);
      String g = got.get(i);
      boolean alike = w == null || g == null || !numeric.get(i) ? Objects.equals(w, g) : tolerance.accepts(w, g);
      if (!alike) {
        return false;
      }
    }
    return true;
  }

  /** Sorts rows for a multiset comparison: numbers by value, so that values within the tolerance sort alike. */
  private static Comparator<List<String>> rowOrder(List<Boolean> numeric) {
    return (a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = compare(a.get(i), b.get(i), numeric.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  private static int compare(String a, String b, boolean numeric) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (numeric) {
      try {
        return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
      } catch (NumberFormatException e) {
        // NaN and infinities parse; anything else sorts as text.
      }
    }
    return a.compareTo(b);
  }

  private static String show(List<String> row) {
    var values = new ArrayList<String>();
    row.forEach(v -> values.add(v == null ? "NULL" : v));
    String shown = "(" + String.join(", ", values) + ")";
    return shown.length() <= SHOWN_CHARS ? shown : shown.substring(0, SHOWN_CHARS) + "…)";
  }
}
