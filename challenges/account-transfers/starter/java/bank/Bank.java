package bank;

/**
 * Accounts numbered from 0, each holding a whole amount of money, which many threads move between
 * them at once.
 */
public interface Bank {
  /**
   * Moves {@code amount} from account {@code from} to account {@code to} and returns true when the
   * fraud service approves the transfer and {@code from} holds at least {@code amount}; otherwise
   * moves nothing and returns false. The two accounts always differ, and {@code amount} is always
   * positive.
   */
  boolean transfer(int from, int to, long amount);

  /** What the account holds. */
  long balance(int account);
}
