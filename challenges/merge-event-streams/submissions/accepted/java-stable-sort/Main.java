import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.StringTokenizer;

/**
 * Accepted: no heap at all. Events are numbered in input order (stream after stream, position
 * within the stream), so sorting by (timestamp, number) is exactly the required order. The pair
 * is packed into one long: timestamp <= 10^12 and number < 2^18 fit in 58 bits.
 */
public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
    StringTokenizer st = new StringTokenizer(in.readLine());
    int k = Integer.parseInt(st.nextToken());
    long w = Long.parseLong(st.nextToken());
    String[] names = new String[k];
    int[] streamOf = new int[16];
    long[] times = new long[16];
    String[] ids = new String[16];
    int total = 0;
    for (int s = 0; s < k; s++) {
      st = new StringTokenizer(in.readLine());
      names[s] = st.nextToken();
      int m = Integer.parseInt(st.nextToken());
      if (total + m > times.length) {
        int cap = Math.max(total + m, 2 * times.length);
        streamOf = Arrays.copyOf(streamOf, cap);
        times = Arrays.copyOf(times, cap);
        ids = Arrays.copyOf(ids, cap);
      }
      for (int i = 0; i < m; i++) {
        String line = in.readLine();
        int sp = line.indexOf(' ');
        times[total] = Long.parseLong(line.substring(0, sp));
        ids[total] = line.substring(sp + 1).trim();
        streamOf[total] = s;
        total++;
      }
    }
    long[] keys = new long[total];
    for (int i = 0; i < total; i++) {
      keys[i] = (times[i] << 18) | i;
    }
    Arrays.sort(keys);
    HashMap<String, Long> lastKept = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    int dropped = 0;
    for (long key : keys) {
      int i = (int) (key & ((1 << 18) - 1));
      Long prev = lastKept.get(ids[i]);
      if (prev != null && times[i] - prev <= w) {
        dropped++;
        continue;
      }
      lastKept.put(ids[i], times[i]);
      sb.append(times[i]).append(' ').append(names[streamOf[i]]).append(' ').append(ids[i])
          .append('\n');
    }
    sb.append(dropped).append('\n');
    PrintWriter out = new PrintWriter(System.out);
    out.print(sb);
    out.flush();
  }
}
