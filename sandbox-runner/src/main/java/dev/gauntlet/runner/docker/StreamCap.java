package dev.gauntlet.runner.docker;

/**
 * How many bytes of one output stream are kept, and whether going over ends the run.
 *
 * @param bytes the most bytes kept
 * @param fatal true when going over the cap kills the container (an output limit); false when
 *              the rest is dropped and the run goes on (a long compiler log, say)
 */
public record StreamCap(int bytes, boolean fatal) {
  public StreamCap {
    if (bytes < 0) {
      throw new IllegalArgumentException("cap must not be negative: " + bytes);
    }
  }
}
