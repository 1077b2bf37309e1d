import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.PriorityQueue;
import java.util.StringTokenizer;

/**
 * Wrong answer: pushes every event into one PriorityQueue ordered by timestamp only.
 * PriorityQueue is not stable, so events with equal timestamps come out in arbitrary order.
 */
public class Main {
  record Event(long ts, String stream, String id) {}

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    StringTokenizer st = new StringTokenizer(in.readLine());
    int k = Integer.parseInt(st.nextToken());
    long w = Long.parseLong(st.nextToken());
    PriorityQueue<Event> pq = new PriorityQueue<>(Comparator.comparingLong(Event::ts));
    for (int s = 0; s < k; s++) {
      st = new StringTokenizer(in.readLine());
      String name = st.nextToken();
      int m = Integer.parseInt(st.nextToken());
      for (int i = 0; i < m; i++) {
        st = new StringTokenizer(in.readLine());
        pq.add(new Event(Long.parseLong(st.nextToken()), name, st.nextToken()));
      }
    }
    HashMap<String, Long> lastKept = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    int dropped = 0;
    while (!pq.isEmpty()) {
      Event e = pq.poll();
      Long prev = lastKept.get(e.id());
      if (prev != null && e.ts() - prev <= w) {
        dropped++;
      } else {
        lastKept.put(e.id(), e.ts());
        sb.append(e.ts()).append(' ').append(e.stream()).append(' ').append(e.id()).append('\n');
      }
    }
    sb.append(dropped).append('\n');
    PrintWriter out = new PrintWriter(System.out);
    out.print(sb);
    out.flush();
  }
}
