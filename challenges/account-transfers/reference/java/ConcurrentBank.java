import bank.Approvals;
import bank.Bank;

/**
 * The fraud service is asked before any lock is taken: it answers from the transfer alone, and a lock
 * held while it thinks would hold up every transfer that needs the account. Then one lock per
 * account, always taken in the order of the accounts' numbers: two transfers between the same
 * accounts in opposite directions queue on the same first lock instead of each holding what the
 * other waits for.
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
    if (!approvals.approve(from, to, amount)) {
      return false;
    }
    synchronized (locks[Math.min(from, to)]) {
      synchronized (locks[Math.max(from, to)]) {
        if (balances[from] < amount) {
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
