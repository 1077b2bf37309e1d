package dev.gauntlet.platform.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.runner.language.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Similarity between candidates' answers")
class SimilarityCheckTest {
  private static final String STARTER = """
      import sys


      def main():
          data = sys.stdin.read().split()
          # your code here


      main()
      """;
  private static final String ORIGINAL = """
      import sys


      def main():
          data = sys.stdin.read().split()
          k, w = int(data[0]), int(data[1])
          pos = 2
          events = []
          for s in range(k):
              name, m = data[pos], int(data[pos + 1])
              pos += 2
              for j in range(m):
                  events.append((int(data[pos]), s, j, name, data[pos + 1]))
                  pos += 2
          events.sort()
          last = {}
          dropped = 0
          out = []
          for t, s, j, name, eid in events:
              if eid in last and t - last[eid] <= w:
                  dropped += 1
                  continue
              last[eid] = t
              out.append(f"{t} {name} {eid}")
          out.append(str(dropped))
          print("\\n".join(out))


      main()
      """;
  /** The original with every name changed and the lines re-wrapped: what copying looks like. */
  private static final String DISGUISED = """
      import sys


      def main():
          data = sys.stdin.read().split()
          streams, window = int(data[0]), int(data[1])
          cursor = 2
          timeline = []
          for index in range(streams):
              label, count = data[cursor], int(data[cursor + 1])
              cursor += 2
              for offset in range(count):
                  timeline.append((int(data[cursor]), index, offset, label, data[cursor + 1]))
                  cursor += 2
          timeline.sort()
          seen = {}
          skipped = 0
          lines = []
          for stamp, index, offset, label, ident in timeline:
              if ident in seen and stamp - seen[ident] <= window:
                  skipped += 1
                  continue
              seen[ident] = stamp
              lines.append(f"{stamp} {label} {ident}")
          lines.append(str(skipped))
          print("\\n".join(lines))


      main()
      """;
  private static final String OWN_WORK = """
      import heapq
      import sys


      def main():
          tokens = iter(sys.stdin.read().split())
          k = int(next(tokens))
          window = int(next(tokens))
          heads = []
          streams = []
          for s in range(k):
              name = next(tokens)
              items = [(int(next(tokens)), next(tokens)) for _ in range(int(next(tokens)))]
              streams.append((name, items))
              if items:
                  heapq.heappush(heads, (items[0][0], s, 0))
          kept_at, dropped = {}, 0
          while heads:
              t, s, i = heapq.heappop(heads)
              name, items = streams[s]
              eid = items[i][1]
              if eid in kept_at and t - kept_at[eid] <= window:
                  dropped += 1
              else:
                  kept_at[eid] = t
                  sys.stdout.write(f"{t} {name} {eid}\\n")
              if i + 1 < len(items):
                  heapq.heappush(heads, (items[i + 1][0], s, i + 1))
          sys.stdout.write(f"{dropped}\\n")


      main()
      """;

  @Test
  @DisplayName("flags a renamed copy with the lines that match, and not an answer written independently")
  void flagsCopies() {
    var answers = List.of(new Answer("att-1", "ada@example.org", "sub-1", Map.of("main.py", ORIGINAL)),
        new Answer("att-2", "bob@example.org", "sub-2", Map.of("main.py", DISGUISED)),
        new Answer("att-3", "cy@example.org", "sub-3", Map.of("main.py", OWN_WORK)));

    var pairs = new SimilarityCheck().compare("merge", Language.PYTHON, Map.of("main.py", STARTER), answers);

    assertThat(pairs).hasSize(1);
    var pair = pairs.getFirst();
    assertThat(List.of(pair.first().email(), pair.second().email()))
        .containsExactlyInAnyOrder("ada@example.org", "bob@example.org");
    assertThat(pair.similarity()).isGreaterThanOrEqualTo(SimilarityCheck.THRESHOLD_PERCENT);
    assertThat(pair.regions()).isNotEmpty().allSatisfy(region -> {
      assertThat(region.firstFile()).isEqualTo("main.py");
      assertThat(region.firstFrom()).isPositive().isLessThanOrEqualTo(region.firstTo());
      assertThat(region.secondTo()).isLessThanOrEqualTo((int) DISGUISED.lines().count());
    });
  }

  @Test
  @DisplayName("compares nothing with one answer, or in SQL")
  void nothingToCompare() {
    var one = List.of(new Answer("att-1", "ada@example.org", "sub-1", Map.of("main.py", ORIGINAL)));
    var twoQueries = List.of(new Answer("a", "a@example.org", "s1", Map.of("query.sql", "select 1;")),
        new Answer("b", "b@example.org", "s2", Map.of("query.sql", "select 1;")));

    assertThat(new SimilarityCheck().compare("merge", Language.PYTHON, Map.of(), one)).isEmpty();
    assertThat(new SimilarityCheck().compare("report", Language.SQL, Map.of(), twoQueries)).isEmpty();
  }
}
