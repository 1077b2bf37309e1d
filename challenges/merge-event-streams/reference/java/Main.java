import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Reference solution: K-way merge with a hand-rolled binary heap of stream indices ordered by
 * (head timestamp, stream index), then de-duplication against the last kept timestamp per id.
 */
public class Main {

  static long[] ts;        // all events, stream after stream, in input order
  static String[] ids;
  static int[] start;      // events of stream s are [start[s], start[s + 1])
  static int[] next;       // next unread event of every stream
  static int[] heap;       // stream indices
  static int heapSize;

  public static void main(String[] args) throws IOException {
    Reader in = new Reader(System.in);
    int k = (int) in.nextLong();
    long w = in.nextLong();
    String[] names = new String[k];
    start = new int[k + 1];
    ts = new long[1024];
    ids = new String[1024];
    int total = 0;
    for (int s = 0; s < k; s++) {
      names[s] = in.next();
      int m = (int) in.nextLong();
      start[s] = total;
      if (total + m > ts.length) {
        int cap = Math.max(total + m, ts.length * 2);
        ts = Arrays.copyOf(ts, cap);
        ids = Arrays.copyOf(ids, cap);
      }
      for (int i = 0; i < m; i++) {
        ts[total] = in.nextLong();
        ids[total] = in.next();
        total++;
      }
    }
    start[k] = total;

    next = new int[k];
    heap = new int[k];
    for (int s = 0; s < k; s++) {
      next[s] = start[s];
      if (start[s] < start[s + 1]) {
        heap[heapSize++] = s;
      }
    }
    for (int i = heapSize / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }

    HashMap<String, Long> lastKept = new HashMap<>(total * 2 + 16);
    StringBuilder out = new StringBuilder(total * 24 + 16);
    int dropped = 0;
    while (heapSize > 0) {
      int s = heap[0];
      int e = next[s]++;
      long t = ts[e];
      Long t0 = lastKept.get(ids[e]);
      if (t0 != null && t - t0 <= w) {
        dropped++;
      } else {
        lastKept.put(ids[e], t);
        out.append(t).append(' ').append(names[s]).append(' ').append(ids[e]).append('\n');
      }
      if (next[s] == start[s + 1]) {
        heap[0] = heap[--heapSize];
      }
      if (heapSize > 0) {
        siftDown(0);
      }
    }
    out.append(dropped).append('\n');
    OutputStream os = System.out;
    os.write(out.toString().getBytes(StandardCharsets.US_ASCII));
    os.flush();
  }

  /** True if stream a's head comes before stream b's head. */
  static boolean before(int a, int b) {
    long ta = ts[next[a]];
    long tb = ts[next[b]];
    return ta < tb || (ta == tb && a < b);
  }

  static void siftDown(int i) {
    int s = heap[i];
    while (true) {
      int c = 2 * i + 1;
      if (c >= heapSize) {
        break;
      }
      if (c + 1 < heapSize && before(heap[c + 1], heap[c])) {
        c++;
      }
      if (!before(heap[c], s)) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = s;
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
