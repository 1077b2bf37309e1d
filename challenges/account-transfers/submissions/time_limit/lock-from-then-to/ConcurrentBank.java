import bank.Approvals;
import bank.Bank;

/**
 * A deadlock: a transfer from 3 to 7 holds 3 and waits for 7 while a transfer from 7 to 3 holds 7
 * and waits for 3.
 */
public final class ConcurrentBank implements Bank {
  private final long[] balances;
  private final Approvals approvals;
  private final Object[] locks;

  public ConcurrentBank(int accounts, long initialBalance, Approvals approvals) {
    this.approvals = approvals;
    balances = new long[accounts];
    locks = new Object[accounts];
    for (int i = 0; i < accounts; i++) {
      balances[i] = initialBalance;
      locks[i] = new Object();
    }
  }

  @Override
  public boolean transfer(int from, int to, long amount) {
    synchronized (locks[from]) {
      synchronized (locks[to]) {
        if (!approvals.approve(from, to, amount) || balances[from] < amount) {
          return false;
        }
        balances[from] -= amount;
        balances[to] += amount;
        return true;
      }
    }
  }

  @Override
  public long balance(int account) {
    synchronized (locks[account]) {
      return balances[account];
    }
  }
}
