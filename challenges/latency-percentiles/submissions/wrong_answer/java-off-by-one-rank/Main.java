import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;

/**
 * Wrong answer: uses index (int) (p / 100.0 * n) as a 0-based index. That equals the
 * nearest rank minus one only when p * n is not a multiple of 100; otherwise it picks the next
 * sample (e.g. p50 of 4 samples returns the 3rd instead of the 2nd).
 */
public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    int n = Integer.parseInt(in.readLine().trim());
    Map<String, List<Integer>> lat = new HashMap<>();
    Map<String, Integer> errors = new HashMap<>();
    for (int i = 0; i < n; i++) {
      StringTokenizer st = new StringTokenizer(in.readLine());
      st.nextToken();
      String key = st.nextToken() + " " + st.nextToken();
      int status = Integer.parseInt(st.nextToken());
      int latency = Integer.parseInt(st.nextToken());
      lat.computeIfAbsent(key, k -> new ArrayList<>()).add(latency);
      errors.merge(key, status >= 500 ? 1 : 0, Integer::sum);
    }
    List<String> keys = new ArrayList<>(lat.keySet());
    Collections.sort(keys);
    PrintWriter out = new PrintWriter(System.out);
    for (String key : keys) {
      List<Integer> v = lat.get(key);
      Collections.sort(v);
      int c = v.size();
      long hundredths = (20000L * errors.get(key) + c) / (2L * c);
      out.printf("%s %d %d %d %d %d.%02d%n", key, c, pct(v, 50), pct(v, 90), pct(v, 99),
          hundredths / 100, hundredths % 100);
    }
    out.flush();
  }

  static int pct(List<Integer> sorted, int p) {
    int idx = (int) (p / 100.0 * sorted.size());
    return sorted.get(Math.min(idx, sorted.size() - 1));
  }
}
