import java.io.BufferedReader;
import java.io.InputStreamReader;

// A realistic mistake, kept to prove the hidden tests catch it: the total overflows an int.
public class Main {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    int n = Integer.parseInt(in.readLine().trim());
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += Integer.parseInt(in.readLine().trim());
    }
    System.out.println(total);
  }
}
