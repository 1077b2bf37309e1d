import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.PriorityQueue;
import java.util.StringTokenizer;

/**
 * Wrong answer: the merge is right (heap of stream heads by timestamp, then stream index), but
 * the de-duplication remembers the last time an id was *seen*, including dropped copies, so a
 * steady trickle of re-deliveries keeps extending the window.
 */
public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    StringTokenizer st = new StringTokenizer(in.readLine());
    int k = Integer.parseInt(st.nextToken());
    long w = Long.parseLong(st.nextToken());
    String[] names = new String[k];
    long[][] ts = new long[k][];
    String[][] ids = new String[k][];
    for (int s = 0; s < k; s++) {
      st = new StringTokenizer(in.readLine());
      names[s] = st.nextToken();
      int m = Integer.parseInt(st.nextToken());
      ts[s] = new long[m];
      ids[s] = new String[m];
      for (int i = 0; i < m; i++) {
        st = new StringTokenizer(in.readLine());
        ts[s][i] = Long.parseLong(st.nextToken());
        ids[s][i] = st.nextToken();
      }
    }
    int[] pos = new int[k];
    PriorityQueue<Integer> heads = new PriorityQueue<>((a, b) -> {
      int c = Long.compare(ts[a][pos[a]], ts[b][pos[b]]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int s = 0; s < k; s++) {
      if (ts[s].length > 0) {
        heads.add(s);
      }
    }
    HashMap<String, Long> lastSeen = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    int dropped = 0;
    while (!heads.isEmpty()) {
      int s = heads.poll();
      long t = ts[s][pos[s]];
      String id = ids[s][pos[s]];
      Long prev = lastSeen.put(id, t);
      if (prev != null && t - prev <= w) {
        dropped++;
      } else {
        sb.append(t).append(' ').append(names[s]).append(' ').append(id).append('\n');
      }
      pos[s]++;
      if (pos[s] < ts[s].length) {
        heads.add(s);
      }
    }
    sb.append(dropped).append('\n');
    PrintWriter out = new PrintWriter(System.out);
    out.print(sb);
    out.flush();
  }
}
