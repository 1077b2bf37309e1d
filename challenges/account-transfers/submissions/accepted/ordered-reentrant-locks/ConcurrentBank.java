import bank.Approvals;
import bank.Bank;
import java.util.concurrent.locks.ReentrantLock;

/** Explicit locks, taken lower account first and always released, around balances they guard. */
public final class ConcurrentBank implements Bank {
  private final Approvals approvals;
  private final ReentrantLock[] locks;
  private final long[] balances;

  public ConcurrentBank(int accounts, long initialBalance, Approvals approvals) {
    this.approvals = approvals;
    this.locks = new ReentrantLock[accounts];
    this.balances = new long[accounts];
    for (int account = 0; account < accounts; account++) {
      locks[account] = new ReentrantLock();
      balances[account] = initialBalance;
    }
  }

  @Override
  public boolean transfer(int from, int to, long amount) {
    if (!approvals.approve(from, to, amount)) {
      return false;
    }
    ReentrantLock first = locks[Math.min(from, to)];
    ReentrantLock second = locks[Math.max(from, to)];
    first.lock();
    try {
      second.lock();
      try {
        boolean enough = balances[from] >= amount;
        if (enough) {
          balances[from] -= amount;
          balances[to] += amount;
        }
        return enough;
      } finally {
        second.unlock();
      }
    } finally {
      first.unlock();
    }
  }

  @Override
  public long balance(int account) {
    locks[account].lock();
    try {
      return balances[account];
    } finally {
      locks[account].unlock();
    }
  }
}
