package dev.gauntlet.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The load client against a scripted server on the loopback that answers each request with the
 * bytes a test gives it, well-formed or not.
 */
@DisplayName("The load's HTTP client")
class LoadClientTest {
  private static final byte[] GET = "GET / HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

  private ScriptedServer server;

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private static long inMillis(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  @DisplayName("keeps one connection alive across requests answered with a Content-Length")
  void keepsAlive() throws Exception {
    server = new ScriptedServer(List.of(OK, OK, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"), false);
    try (var client = new LoadClient(server.port())) {
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(200);
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(200);
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(404);
    }
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  @DisplayName("reads a chunked body with extensions and trailers to its end, and skips a 100 Continue")
  void chunkedAndInterim() throws Exception {
    String chunked = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=x\r\nhello\r\n1A\r\n" + "z".repeat(26) + "\r\n0\r\nX-Trailer: t\r\n\r\n";
    server = new ScriptedServer(List.of(chunked, OK), false);
    try (var client = new LoadClient(server.port())) {
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(201);
      assertThat(client.send(GET, false, inMillis(2000))).as("the chunked body was read exactly").isEqualTo(200);
    }
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  @DisplayName("reads a body that ends with the connection, and opens a new one for the next request")
  void closeDelimited() throws Exception {
    server = new ScriptedServer(List.of("HTTP/1.0 200 OK\r\n\r\nuntil the end"), true);
    try (var client = new LoadClient(server.port())) {
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(200);
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(200);
    }
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  @DisplayName("sends a request again on a new connection when the service closed the idle one")
  void staleConnection() throws Exception {
    server = new ScriptedServer(List.of(OK), true, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    try (var client = new LoadClient(server.port())) {
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(200);
      server.awaitClosed();
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(200);
    }
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  @DisplayName("gives up on a body that never ends at the request's deadline")
  void endlessBody() throws Exception {
    server = new ScriptedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n" + "x".repeat(50_000)),
        false);
    try (var client = new LoadClient(server.port())) {
      long began = System.nanoTime();
      assertThatThrownBy(() -> client.send(GET, false, inMillis(300))).isInstanceOf(SocketTimeoutException.class);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isBetween(250L, 2_000L);
    }
  }

  @Test
  @DisplayName("refuses a head without end, a broken status line and a broken chunk")
  void malformed() throws Exception {
    server = new ScriptedServer(List.of(
        "HTTP/1.1 200 OK\r\n" + "X-Filler: yes\r\n".repeat(6_000) + "\r\n",
        "SSH-2.0-OpenSSH\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"), true);
    try (var client = new LoadClient(server.port())) {
      assertThatThrownBy(() -> client.send(GET, false, inMillis(2000))).hasMessageContaining("longer than 65536 bytes");
      assertThatThrownBy(() -> client.send(GET, false, inMillis(2000))).hasMessageContaining("not an HTTP/1.x status");
      assertThatThrownBy(() -> client.send(GET, false, inMillis(2000))).hasMessageContaining("malformed chunk size");
    }
  }

  @Test
  @DisplayName("does not read a body after the head of a HEAD request")
  void headRequest() throws Exception {
    server = new ScriptedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", OK), false);
    try (var client = new LoadClient(server.port())) {
      assertThat(client.send(GET, true, inMillis(2000))).isEqualTo(200);
      assertThat(client.send(GET, false, inMillis(2000))).isEqualTo(200);
    }
  }

  /**
   * Answers the n-th request it reads with the n-th scripted response (the last one repeats),
   * optionally closing each connection after one answer.
   */
  private static final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> responses;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Object closedOne = new Object();
    private boolean anyClosed;

    ScriptedServer(List<String> responses, boolean closeAfterEach, String... more) throws IOException {
      this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
      this.responses = new CopyOnWriteArrayList<>(responses);
      this.responses.addAll(List.of(more));
      Thread.ofPlatform().daemon().start(() -> accept(closeAfterEach));
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return accepted.get();
    }

    void awaitClosed() throws InterruptedException {
      synchronized (closedOne) {
        while (!anyClosed) {
          closedOne.wait(2_000);
        }
      }
    }

    private void accept(boolean closeAfterEach) {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          accepted.incrementAndGet();
          open.add(connection);
          Thread.ofPlatform().daemon().start(() -> serve(connection, closeAfterEach));
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket connection, boolean closeAfterEach) {
      try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
        while (readHead(in)) {
          int n = served.getAndIncrement();
          out.write(responses.get(Math.min(n, responses.size() - 1)).getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (closeAfterEach) {
            break;
          }
        }
      } catch (IOException e) {
        // the client went away
      } finally {
        synchronized (closedOne) {
          anyClosed = true;
          closedOne.notifyAll();
        }
      }
    }

    private static boolean readHead(InputStream in) throws IOException {
      var head = new ByteArrayOutputStream();
      int matched = 0;
      for (int b = in.read(); b >= 0; b = in.read()) {
        head.write(b);
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        if (matched == 4) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket connection : open) {
        connection.close();
      }
    }
  }
}
