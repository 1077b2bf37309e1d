package dev.gauntlet.runner.docker;

import java.io.ByteArrayOutputStream;

/** Keeps the first bytes of a stream up to its cap and remembers whether more arrived. */
final class CappedBuffer {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final StreamCap cap;
  private boolean exceeded;

  CappedBuffer(StreamCap cap) {
    this.cap = cap;
  }

  /** Appends what fits; returns true when this write went over the cap. */
  synchronized boolean append(byte[] bytes) {
    int room = cap.bytes() - kept.size();
    kept.write(bytes, 0, Math.max(0, Math.min(room, bytes.length)));
    if (bytes.length > room) {
      exceeded = true;
    }
    return exceeded;
  }

  StreamCap cap() {
    return cap;
  }

  synchronized byte[] bytes() {
    return kept.toByteArray();
  }
}
