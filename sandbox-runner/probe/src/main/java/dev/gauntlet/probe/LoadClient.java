package dev.gauntlet.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The load's HTTP/1.1 client: blocking sockets, a kept-alive connection per request in flight,
 * requests serialised once. Lean on purpose: what the client adds to every latency is a floor under
 * both sides of the ratio the judge computes, and its jitter is noise in it. The JDK's
 * {@code HttpClient} added 2 to 3 ms that shrank as its JIT warmed over a round; this adds a few
 * hundred microseconds.
 */
final class LoadClient implements AutoCloseable {
  private final int port;
  /** Last in, first out: the connection used most recently is the one least likely to have been closed. */
  private final ConcurrentLinkedDeque<LoadConnection> idle = new ConcurrentLinkedDeque<>();

  LoadClient(int port) {
    this.port = port;
  }

  /**
   * Sends the request and reads its response by the deadline; returns its status. A kept-alive
   * connection that the service closed while it was idle is noticed before any answer, and the
   * request goes once more on a new one, as browsers and the JDK's client do.
   */
  int send(byte[] request, boolean head, long deadlineNanos) throws IOException {
    LoadConnection connection = idle.pollFirst();
    if (connection != null) {
      try {
        return exchange(connection, request, head, deadlineNanos);
      } catch (EOFException | SocketException e) {
        if (connection.received() > 0) {
          throw e;
        }
      }
    }
    return exchange(LoadConnection.open(port, deadlineNanos), request, head, deadlineNanos);
  }

  private int exchange(LoadConnection connection, byte[] request, boolean head, long deadlineNanos)
      throws IOException {
    try {
      int status = connection.exchange(request, head, deadlineNanos);
      if (connection.reusable()) {
        idle.addFirst(connection);
      } else {
        connection.close();
      }
      return status;
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void close() {
    for (var connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
      connection.close();
    }
  }
}
