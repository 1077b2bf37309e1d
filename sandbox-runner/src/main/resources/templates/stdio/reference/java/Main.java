import java.io.BufferedReader;
import java.io.InputStreamReader;

// The author's solution: it must pass every test, and it is the yardstick of the limits.
public class Main {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    int n = Integer.parseInt(in.readLine().trim());
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += Long.parseLong(in.readLine().trim());
    }
    System.out.println(total);
  }
}
