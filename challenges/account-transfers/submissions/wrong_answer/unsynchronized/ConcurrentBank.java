import bank.Approvals;
import bank.Bank;

/** Lost updates: two threads adding to one balance at once can both read it before either writes. */
public final class ConcurrentBank implements Bank {
  private final long[] balances;
  private final Approvals approvals;

  public ConcurrentBank(int accounts, long initialBalance, Approvals approvals) {
    this.approvals = approvals;
    balances = new long[accounts];
    java.util.Arrays.fill(balances, initialBalance);
  }

  @Override
  public boolean transfer(int from, int to, long amount) {
    if (!approvals.approve(from, to, amount) || balances[from] < amount) {
      return false;
    }
    balances[from] -= amount;
    balances[to] += amount;
    return true;
  }

  @Override
  public long balance(int account) {
    return balances[account];
  }
}
