package dev.gauntlet.probe;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One kept-alive connection of the load client: sends a request and reads its whole response,
 * keeping only the status. Every read is bounded by the request's deadline, and the head of a
 * response by {@link #MAX_HEAD_BYTES}; the body is read and dropped, so a service that streams
 * without end runs into the deadline, not into memory.
 */
final class LoadConnection implements AutoCloseable {
  static final int MAX_HEAD_BYTES = 64 << 10;
  private static final int BUFFER_BYTES = 16 << 10;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private long deadline;
  private long received;
  private boolean reusable = true;

  private LoadConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static LoadConnection open(int port, long deadlineNanos) throws IOException {
    var socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), remainingMillis(deadlineNanos));
      return new LoadConnection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** False once the service said it closes the connection, or a response could not be read to its end. */
  boolean reusable() {
    return reusable;
  }

  /** Bytes of the current response that arrived: none means the service never began to answer. */
  long received() {
    return received;
  }

  /**
   * Sends the request and reads its response to the end.
   *
   * @return the response's status
   * @throws SocketTimeoutException when the deadline passes first
   */
  int exchange(byte[] request, boolean head, long deadlineNanos) throws IOException {
    deadline = deadlineNanos;
    received = 0;
    reusable = false;
    out.write(request);
    out.flush();
    var response = ResponseHead.read(this);
    while (response.interim()) {
      response = ResponseHead.read(this);
    }
    if (head || response.bodiless()) {
      // nothing follows the head
    } else if (response.chunked()) {
      skipChunks();
    } else if (response.contentLength() >= 0) {
      skip(response.contentLength());
    } else {
      skipToEnd();
      return response.status();
    }
    reusable = response.keepAlive() && response.status() != 101;
    return response.status();
  }

  private void skipChunks() throws IOException {
    while (true) {
      String line = readLine(MAX_HEAD_BYTES);
      int extension = line.indexOf(';');
      String size = (extension < 0 ? line : line.substring(0, extension)).strip();
      long bytes;
      try {
        bytes = Long.parseLong(size, 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size: " + shorten(line));
      }
      if (bytes < 0) {
        throw new IOException("malformed chunk size: " + shorten(line));
      }
      if (bytes == 0) {
        int trailers = 0;
        for (String trailer = readLine(MAX_HEAD_BYTES); !trailer.isEmpty(); trailer = readLine(MAX_HEAD_BYTES)) {
          trailers += trailer.length();
          if (trailers > MAX_HEAD_BYTES) {
            throw new IOException("trailers longer than " + MAX_HEAD_BYTES + " bytes");
          }
        }
        return;
      }
      skip(bytes);
      if (!readLine(2).isEmpty()) {
        throw new IOException("a chunk does not end where its size says");
      }
    }
  }

  private void skip(long bytes) throws IOException {
    for (long left = bytes; left > 0; ) {
      if (position == limit && fill() < 0) {
        throw new EOFException("the connection closed " + left + " bytes before the body's end");
      }
      int step = (int) Math.min(left, limit - position);
      position += step;
      left -= step;
    }
  }

  private void skipToEnd() throws IOException {
    position = limit;
    while (fill() >= 0) {
      position = limit;
    }
  }

  /** A line without its CR LF, as ISO-8859-1, of at most {@code max} bytes. */
  String readLine(int max) throws IOException {
    var line = new StringBuilder();
    while (true) {
      if (position == limit && fill() < 0) {
        throw new EOFException("the connection closed in the middle of a response");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() > max) {
        throw new IOException("a line of the response is longer than " + max + " bytes");
      }
      line.append((char) (b & 0xff));
    }
  }

  private int fill() throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("no complete response before the deadline");
    }
    socket.setSoTimeout(remainingMillis(deadline));
    int read = in.read(buffer);
    if (read > 0) {
      position = 0;
      limit = read;
      received += read;
    }
    return read;
  }

  private static int remainingMillis(long deadlineNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis + 1));
  }

  static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a connection that already broke tells nothing more.
    }
  }

  /** The status line and the headers that say how the body ends and whether the connection stays. */
  record ResponseHead(int status, long contentLength, boolean chunked, boolean keepAlive) {
    static ResponseHead read(LoadConnection connection) throws IOException {
      String statusLine = connection.readLine(MAX_HEAD_BYTES);
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
        throw new IOException("not an HTTP/1.x status line: " + shorten(statusLine));
      }
      int status;
      try {
        status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new IOException("not an HTTP/1.x status line: " + shorten(statusLine));
      }
      boolean keepAlive = statusLine.charAt(7) != '0';
      long contentLength = -1;
      boolean chunked = false;
      int headBytes = statusLine.length();
      for (String line = connection.readLine(MAX_HEAD_BYTES); !line.isEmpty(); line = connection.readLine(MAX_HEAD_BYTES)) {
        headBytes += line.length();
        if (headBytes > MAX_HEAD_BYTES) {
          throw new IOException("a response head longer than " + MAX_HEAD_BYTES + " bytes");
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException("malformed header line: " + shorten(line));
        }
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> contentLength = contentLength(value, contentLength);
          case "transfer-encoding" -> chunked = value.endsWith("chunked");
          case "connection" -> {
            if (value.contains("close")) {
              keepAlive = false;
            } else if (value.contains("keep-alive")) {
              keepAlive = true;
            }
          }
          default -> {
            // the rest of the head does not change how the response is read
          }
        }
      }
      return new ResponseHead(status, contentLength, chunked, keepAlive);
    }

    private static long contentLength(String value, long earlier) throws IOException {
      long length;
      try {
        length = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IOException("malformed Content-Length: " + shorten(value));
      }
      if (length < 0 || earlier >= 0 && earlier != length) {
        throw new IOException("malformed Content-Length: " + shorten(value));
      }
      return length;
    }

    /** 1xx other than 101: a provisional answer, the real one follows. */
    boolean interim() {
      return status >= 100 && status < 200 && status != 101;
    }

    boolean bodiless() {
      return status == 204 || status == 304 || status >= 100 && status < 200;
    }
  }
}
