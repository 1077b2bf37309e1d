package dev.gauntlet.runner.docker;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Keeps the first bytes of a stream up to its cap and remembers whether more arrived. It also keeps
 * the stream's last few bytes, where the resource report line ends up even when the head is full.
 */
final class CappedBuffer {
  private static final int TAIL_BYTES = 512;

  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final StreamCap cap;
  private byte[] tail = new byte[0];
  private boolean exceeded;

  CappedBuffer(StreamCap cap) {
    this.cap = cap;
  }

  /** Appends what fits; returns true once the stream has gone over the cap, by this write or an earlier one. */
  synchronized boolean append(byte[] bytes) {
    int room = cap.bytes() - kept.size();
    kept.write(bytes, 0, Math.max(0, Math.min(room, bytes.length)));
    if (bytes.length > room) {
      exceeded = true;
    }
    byte[] joined = Arrays.copyOf(tail, tail.length + Math.min(bytes.length, TAIL_BYTES));
    System.arraycopy(bytes, bytes.length - (joined.length - tail.length), joined, tail.length, joined.length - tail.length);
    tail = Arrays.copyOfRange(joined, Math.max(0, joined.length - TAIL_BYTES), joined.length);
    return exceeded;
  }

  StreamCap cap() {
    return cap;
  }

  synchronized byte[] bytes() {
    return kept.toByteArray();
  }

  /** The last bytes that arrived, kept or not. */
  synchronized byte[] tail() {
    return tail.clone();
  }
}
