import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.TreeMap;

/**
 * Accepted: TreeMap keyed by "METHOD path" (no method is a prefix of another, so the key order is
 * method-then-path order), percentiles from a sorted copy, rate through BigDecimal HALF_UP.
 */
public class Main {

  static final class Samples {
    int[] values = new int[8];
    int size;
    int errors;
  }

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
    int n = Integer.parseInt(in.readLine().trim());
    TreeMap<String, Samples> byEndpoint = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      StringTokenizer st = new StringTokenizer(in.readLine());
      st.nextToken();
      String key = st.nextToken() + " " + st.nextToken();
      int status = Integer.parseInt(st.nextToken());
      int latency = Integer.parseInt(st.nextToken());
      Samples s = byEndpoint.computeIfAbsent(key, k -> new Samples());
      if (s.size == s.values.length) {
        s.values = Arrays.copyOf(s.values, s.size * 2);
      }
      s.values[s.size++] = latency;
      if (status / 100 == 5) {
        s.errors++;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Samples> entry : byEndpoint.entrySet()) {
      Samples s = entry.getValue();
      int[] v = Arrays.copyOf(s.values, s.size);
      Arrays.sort(v);
      BigDecimal rate = BigDecimal.valueOf(100L * s.errors)
          .divide(BigDecimal.valueOf(s.size), 10, RoundingMode.DOWN)
          .setScale(2, RoundingMode.HALF_UP);
      sb.append(entry.getKey()).append(' ').append(v.length)
          .append(' ').append(percentile(v, 50))
          .append(' ').append(percentile(v, 90))
          .append(' ').append(percentile(v, 99))
          .append(' ').append(rate.toPlainString()).append('\n');
    }
    PrintWriter out = new PrintWriter(System.out);
    out.print(sb);
    out.flush();
  }

  static int percentile(int[] sorted, int p) {
    int n = sorted.length;
    int rank = (p * n + 99) / 100;
    return sorted[rank - 1];
  }
}
