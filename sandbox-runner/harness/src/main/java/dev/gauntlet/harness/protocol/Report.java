package dev.gauntlet.harness.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * What a harness run saw, as the lines of its signed report: the calls of every trial, the time of
 * every timed stress run, how many histories were checked, and the problem that ended the run, if any.
 * A report that does not end with {@code end} was cut short and counts for nothing.
 *
 * @param calls         every trial's calls, as recorded
 * @param timedNanos    the wall time of each timed stress run, all threads together
 * @param checkedTrials histories found linearizable, in the reference's sandbox
 * @param problem       what ended the run early, or null
 */
public record Report(List<RecordedCall> calls, List<Long> timedNanos, int checkedTrials, Problem problem) {
  private static final String END = "end";

  public Report {
    calls = List.copyOf(calls);
    timedNanos = List.copyOf(timedNanos);
  }

  /** One call of a trial: when it started and returned (the harness's clock) and what it returned. */
  public record RecordedCall(int trial, int thread, int index, long invokeNanos, long returnNanos, String result) {
  }

  public record Problem(ProblemKind kind, String message) {
  }

  /** Reads a report's body; throws {@link IllegalArgumentException} when it is not one, or not whole. */
  public static Report parse(String body) {
    String ending = END + "\n";
    if (!body.endsWith(ending) || !(body.length() == ending.length() || body.endsWith("\n" + ending))) {
      throw new IllegalArgumentException("the report was cut short");
    }
    var calls = new ArrayList<RecordedCall>();
    var timed = new ArrayList<Long>();
    int checked = 0;
    Problem problem = null;
    // Every line before the end ends with its own newline.
    String lines = body.substring(0, Math.max(0, body.length() - ending.length() - 1));
    for (String line : lines.isEmpty() ? new String[0] : lines.split("\n", -1)) {
      String[] fields = line.split("\t", -1);
      switch (fields[0]) {
        case "call" -> calls.add(new RecordedCall(Integer.parseInt(field(fields, 1, 7)),
            Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), Long.parseLong(fields[4]),
            Long.parseLong(fields[5]), Text.unescape(fields[6])));
        case "timed" -> timed.add(Long.parseLong(field(fields, 1, 2)));
        case "checked" -> checked = Integer.parseInt(field(fields, 1, 2));
        case "problem" -> problem = new Problem(ProblemKind.valueOf(field(fields, 1, 3)), Text.unescape(fields[2]));
        case END -> throw new IllegalArgumentException("a report goes on after its end");
        default -> throw new IllegalArgumentException("not a report line: " + Text.cap(line, 80));
      }
    }
    return new Report(calls, timed, checked, problem);
  }

  private static String field(String[] fields, int index, int count) {
    if (fields.length != count) {
      throw new IllegalArgumentException("a '" + fields[0] + "' line has " + count + " fields, not " + fields.length);
    }
    return fields[index];
  }

  /** Writes a report's body line by line, as the harness learns it. */
  public static final class Writer {
    private final StringBuilder body = new StringBuilder();

    public void call(RecordedCall call) {
      body.append("call\t").append(call.trial()).append('\t').append(call.thread()).append('\t').append(call.index())
          .append('\t').append(call.invokeNanos()).append('\t').append(call.returnNanos()).append('\t')
          .append(Text.escape(call.result())).append('\n');
    }

    public void timed(long nanos) {
      body.append("timed\t").append(nanos).append('\n');
    }

    public void checked(int trials) {
      body.append("checked\t").append(trials).append('\n');
    }

    public void problem(ProblemKind kind, String message) {
      body.append("problem\t").append(kind.name()).append('\t').append(Text.escape(Text.cap(message, 4000)))
          .append('\n');
    }

    public String end() {
      return body + END + "\n";
    }
  }
}
