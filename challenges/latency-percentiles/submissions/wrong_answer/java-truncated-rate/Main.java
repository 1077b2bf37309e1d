import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.StringTokenizer;
import java.util.TreeMap;

/**
 * Wrong answer: computes the rate in integer hundredths with plain division, which truncates
 * (1 of 7 prints 14.28 instead of 14.29).
 */
public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    int n = Integer.parseInt(in.readLine().trim());
    TreeMap<String, int[]> counts = new TreeMap<>();
    String[] keys = new String[n];
    int[] lats = new int[n];
    for (int i = 0; i < n; i++) {
      StringTokenizer st = new StringTokenizer(in.readLine());
      st.nextToken();
      String key = st.nextToken() + " " + st.nextToken();
      int status = Integer.parseInt(st.nextToken());
      keys[i] = key;
      lats[i] = Integer.parseInt(st.nextToken());
      int[] c = counts.computeIfAbsent(key, k -> new int[3]);
      c[0]++;
      if (status >= 500) {
        c[1]++;
      }
    }
    TreeMap<String, int[]> samples = new TreeMap<>();
    for (var e : counts.entrySet()) {
      samples.put(e.getKey(), new int[e.getValue()[0]]);
    }
    for (int i = 0; i < n; i++) {
      int[] c = counts.get(keys[i]);
      samples.get(keys[i])[c[2]++] = lats[i];
    }
    StringBuilder sb = new StringBuilder();
    for (var e : samples.entrySet()) {
      int[] v = e.getValue();
      Arrays.sort(v);
      int c = v.length;
      int errors = counts.get(e.getKey())[1];
      long hundredths = 10000L * errors / c;
      sb.append(e.getKey()).append(' ').append(c).append(' ')
          .append(v[(50 * c + 99) / 100 - 1]).append(' ')
          .append(v[(90 * c + 99) / 100 - 1]).append(' ')
          .append(v[(99 * c + 99) / 100 - 1]).append(' ')
          .append(hundredths / 100).append('.').append(String.format("%02d", hundredths % 100))
          .append('\n');
    }
    PrintWriter out = new PrintWriter(System.out);
    out.print(sb);
    out.flush();
  }
}
