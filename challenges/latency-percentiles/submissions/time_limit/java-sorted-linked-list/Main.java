import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.StringTokenizer;

/**
 * Too slow: keeps every endpoint's samples in a sorted LinkedList, inserting each new sample by a
 * linear walk from the head. Correct, but quadratic in the size of the busiest endpoint.
 */
public class Main {

  static final class Stats {
    final String method;
    final String path;
    final LinkedList<Integer> sorted = new LinkedList<>();
    int errors;

    Stats(String method, String path) {
      this.method = method;
      this.path = path;
    }

    void insert(int latency) {
      ListIterator<Integer> it = sorted.listIterator();
      while (it.hasNext()) {
        if (it.next() > latency) {
          it.previous();
          break;
        }
      }
      it.add(latency);
    }
  }

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    int n = Integer.parseInt(in.readLine().trim());
    Map<String, Stats> byKey = new HashMap<>();
    List<Stats> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringTokenizer st = new StringTokenizer(in.readLine());
      st.nextToken();
      String method = st.nextToken();
      String path = st.nextToken();
      int status = Integer.parseInt(st.nextToken());
      int latency = Integer.parseInt(st.nextToken());
      Stats s = byKey.get(method + " " + path);
      if (s == null) {
        s = new Stats(method, path);
        byKey.put(method + " " + path, s);
        all.add(s);
      }
      s.insert(latency);
      if (status >= 500) {
        s.errors++;
      }
    }
    all.sort((a, b) -> a.method.equals(b.method) ? a.path.compareTo(b.path)
        : a.method.compareTo(b.method));
    StringBuilder sb = new StringBuilder();
    for (Stats s : all) {
      int c = s.sorted.size();
      int r50 = (50 * c + 99) / 100;
      int r90 = (90 * c + 99) / 100;
      int r99 = (99 * c + 99) / 100;
      int p50 = 0;
      int p90 = 0;
      int p99 = 0;
      int rank = 0;
      for (int v : s.sorted) {
        rank++;
        if (rank == r50) {
          p50 = v;
        }
        if (rank == r90) {
          p90 = v;
        }
        if (rank == r99) {
          p99 = v;
        }
      }
      long h = (20000L * s.errors + c) / (2L * c);
      sb.append(s.method).append(' ').append(s.path).append(' ').append(c).append(' ')
          .append(p50).append(' ').append(p90).append(' ').append(p99).append(' ')
          .append(h / 100).append('.').append(h % 100 < 10 ? "0" : "").append(h % 100)
          .append('\n');
    }
    PrintWriter out = new PrintWriter(System.out);
    out.print(sb);
    out.flush();
  }
}
