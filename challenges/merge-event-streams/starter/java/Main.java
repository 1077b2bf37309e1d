import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.StringTokenizer;

public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    PrintWriter out = new PrintWriter(System.out);
    StringTokenizer st = new StringTokenizer(in.readLine());
    int k = Integer.parseInt(st.nextToken());
    long w = Long.parseLong(st.nextToken());
    for (int s = 0; s < k; s++) {
      st = new StringTokenizer(in.readLine());
      String name = st.nextToken();
      int m = Integer.parseInt(st.nextToken());
      for (int i = 0; i < m; i++) {
        st = new StringTokenizer(in.readLine());
        long timestamp = Long.parseLong(st.nextToken());
        String eventId = st.nextToken();
        // TODO: keep the event of stream s
      }
    }
    // TODO: merge the streams, drop duplicates, print "<timestamp> <stream-name> <event-id>"
    //       for every kept event and finally the number of dropped events
    out.flush();
  }
}
