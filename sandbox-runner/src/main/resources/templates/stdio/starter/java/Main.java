import java.io.BufferedReader;
import java.io.InputStreamReader;

// The file the candidate's editor opens with: it must compile, and do nothing useful yet.
public class Main {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    int n = Integer.parseInt(in.readLine().trim());
    // TODO: read n sizes and print their total
  }
}
