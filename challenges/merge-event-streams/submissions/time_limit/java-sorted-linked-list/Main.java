import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.ListIterator;
import java.util.StringTokenizer;

/**
 * Too slow: builds the merged timeline by inserting every event into a LinkedList, walking from
 * the head past all events with a timestamp <= its own (which keeps ties in input order).
 * Correct, but each insertion is linear: quadratic overall.
 */
public class Main {
  record Event(long ts, String stream, String id) {}

  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    StringTokenizer st = new StringTokenizer(in.readLine());
    int k = Integer.parseInt(st.nextToken());
    long w = Long.parseLong(st.nextToken());
    LinkedList<Event> timeline = new LinkedList<>();
    for (int s = 0; s < k; s++) {
      st = new StringTokenizer(in.readLine());
      String name = st.nextToken();
      int m = Integer.parseInt(st.nextToken());
      for (int i = 0; i < m; i++) {
        st = new StringTokenizer(in.readLine());
        Event e = new Event(Long.parseLong(st.nextToken()), name, st.nextToken());
        ListIterator<Event> it = timeline.listIterator();
        while (it.hasNext()) {
          if (it.next().ts() > e.ts()) {
            it.previous();
            break;
          }
        }
        it.add(e);
      }
    }
    HashMap<String, Long> lastKept = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    int dropped = 0;
    for (Event e : timeline) {
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
