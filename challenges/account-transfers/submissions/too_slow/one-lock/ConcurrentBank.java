import bank.Approvals;
import bank.Bank;

/**
 * Correct, but every transfer waits for every other, whichever accounts they touch, and for the fraud
 * service too.
 */
public final class ConcurrentBank implements Bank {
  private final long[] balances;
  private final Approvals approvals;

  public ConcurrentBank(int accounts, long initialBalance, Approvals approvals) {
    this.approvals = approvals;
    balances = new long[accounts];
    java.util.Arrays.fill(balances, initialBalance);
  }

  @Override
  public synchronized boolean transfer(int from, int to, long amount) {
    if (!approvals.approve(from, to, amount) || balances[from] < amount) {
      return false;
    }
    balances[from] -= amount;
    balances[to] += amount;
    return true;
  }

  @Override
  public synchronized long balance(int account) {
    return balances[account];
  }
}
