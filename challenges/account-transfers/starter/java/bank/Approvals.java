package bank;

/** The fraud service. Asking it takes a while: it is a call to another system. */
public interface Approvals {
  /** Whether this transfer may go ahead; always the same answer for the same transfer. */
  boolean approve(int from, int to, long amount);
}
