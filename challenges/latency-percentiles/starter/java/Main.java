import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.StringTokenizer;

public class Main {
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    PrintWriter out = new PrintWriter(System.out);
    int n = Integer.parseInt(in.readLine().trim());
    for (int i = 0; i < n; i++) {
      StringTokenizer st = new StringTokenizer(in.readLine());
      long timestampMs = Long.parseLong(st.nextToken());
      String method = st.nextToken();
      String path = st.nextToken();
      int status = Integer.parseInt(st.nextToken());
      int latencyMs = Integer.parseInt(st.nextToken());
      // TODO: group the request by endpoint (method + path)
    }
    // TODO: for each endpoint, sorted by method then path, print
    //       METHOD path count p50 p90 p99 error_rate
    out.flush();
  }
}
