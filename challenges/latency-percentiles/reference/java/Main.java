import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference solution: group latencies per endpoint in growable int arrays, sort each group once.
 *
 * <p>Nearest rank r = ceil(p * n / 100) and the half-up rounded 5xx rate are computed with
 * integer arithmetic only.
 */
public class Main {

  static final class Endpoint {
    final String method;
    final String path;
    int[] latencies = new int[4];
    int count;
    int errors;

    Endpoint(String method, String path) {
      this.method = method;
      this.path = path;
    }

    void add(int latency, boolean error) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = latency;
      if (error) {
        errors++;
      }
    }
  }

  public static void main(String[] args) throws IOException {
    Reader in = new Reader(System.in);
    int n = (int) in.nextLong();
    Map<String, Endpoint> byKey = new HashMap<>();
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      in.nextLong(); // timestamp, not needed
      String method = in.next();
      String path = in.next();
      int status = (int) in.nextLong();
      int latency = (int) in.nextLong();
      String key = method + ' ' + path;
      Endpoint e = byKey.get(key);
      if (e == null) {
        e = new Endpoint(method, path);
        byKey.put(key, e);
        endpoints.add(e);
      }
      e.add(latency, status >= 500 && status <= 599);
    }
    endpoints.sort((a, b) -> {
      int c = a.method.compareTo(b.method);
      return c != 0 ? c : a.path.compareTo(b.path);
    });

    StringBuilder out = new StringBuilder(endpoints.size() * 48);
    for (Endpoint e : endpoints) {
      int c = e.count;
      int[] s = e.latencies;
      Arrays.sort(s, 0, c);
      long hundredths = (20000L * e.errors + c) / (2L * c);
      out.append(e.method).append(' ').append(e.path).append(' ').append(c)
          .append(' ').append(s[rank(50, c) - 1])
          .append(' ').append(s[rank(90, c) - 1])
          .append(' ').append(s[rank(99, c) - 1])
          .append(' ').append(hundredths / 100).append('.');
      long frac = hundredths % 100;
      if (frac < 10) {
        out.append('0');
      }
      out.append(frac).append('\n');
    }
    PrintStream ps = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    ps.print(out);
    ps.flush();
  }

  /** Nearest rank, 1-based: ceil(p * n / 100). */
  static int rank(int p, int n) {
    return (int) (((long) p * n + 99) / 100);
  }

  /** Minimal whitespace tokenizer over a buffered byte stream. */
  static final class Reader {
    private final DataInputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int len;
    private int pos;

    Reader(InputStream is) {
      in = new DataInputStream(is);
    }

    private int read() throws IOException {
      if (pos == len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return -1;
        }
      }
      return buf[pos++];
    }

    private int skipBlanks() throws IOException {
      int c = read();
      while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        c = read();
      }
      return c;
    }

    String next() throws IOException {
      int c = skipBlanks();
      StringBuilder sb = new StringBuilder();
      while (c > ' ') {
        sb.append((char) c);
        c = read();
      }
      return sb.toString();
    }

    long nextLong() throws IOException {
      int c = skipBlanks();
      boolean neg = c == '-';
      if (neg) {
        c = read();
      }
      long v = 0;
      while (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        c = read();
      }
      return neg ? -v : v;
    }
  }
}
