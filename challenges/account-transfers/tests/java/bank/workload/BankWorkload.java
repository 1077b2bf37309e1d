package bank.workload;

import bank.Approvals;
import bank.Bank;
import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Trials: 32 accounts of 1,000, money moved among the first three so that calls collide, some
 * transfers larger than a balance. Stress runs: accounts of a billion, so that no transfer the fraud
 * service approves may be refused, and a fraud service that takes a tenth of a millisecond over one
 * transfer in fifty. After a stress run every account must hold exactly what it started with plus
 * what the transfers that succeeded brought it, the service must have been asked once per transfer,
 * every approved transfer must have gone through and no declined one.
 */
public final class BankWorkload implements Workload<Bank> {
  private static final int ACCOUNTS = 32;
  private static final long INITIAL = 1_000;
  private static final long STRESS_INITIAL = 1_000_000_000;
  private static final int TRIAL_ACCOUNTS = 3;
  private static final long SLOW_NANOS = 100_000;
  private static final int STRESS_AMOUNTS = 100;
  /** Transfers of more than this are checked slowly: one in fifty. */
  private static final int SLOW_ABOVE = 98;

  /** The fraud service of the stress run under way: its create, its threads and its verify come in turn. */
  private FraudService stressed;

  /** Declines one transfer in eleven, by its figures alone, so that a replay declines the same ones. */
  private static final class FraudService implements Approvals {
    private final boolean slow;
    private final AtomicLong asked = new AtomicLong();

    FraudService(boolean slow) {
      this.slow = slow;
    }

    @Override
    public boolean approve(int from, int to, long amount) {
      asked.incrementAndGet();
      if (slow && amount > SLOW_ABOVE) {
        LockSupport.parkNanos(SLOW_NANOS);
      }
      return approves(from, to, amount);
    }

    static boolean approves(int from, int to, long amount) {
      return (from * 31 + to * 17 + amount) % 11 != 0;
    }
  }

  /** What one stress thread did: how each account's balance moved, and the transfers that went wrong. */
  private record Tally(long transfers, long[] moved, long declinedButMoved, long approvedButRefused) {
  }

  @Override
  public Class<Bank> api() {
    return Bank.class;
  }

  @Override
  public Bank create(Class<? extends Bank> implementation) throws ReflectiveOperationException {
    return make(implementation, INITIAL, new FraudService(false));
  }

  @Override
  public Bank createForStress(Class<? extends Bank> implementation) throws ReflectiveOperationException {
    stressed = new FraudService(true);
    return make(implementation, STRESS_INITIAL, stressed);
  }

  private static Bank make(Class<? extends Bank> implementation, long initial, Approvals approvals)
      throws ReflectiveOperationException {
    return implementation.getConstructor(int.class, long.class, Approvals.class)
        .newInstance(ACCOUNTS, initial, approvals);
  }

  @Override
  public Call<Bank> call(SplittableRandom random) {
    if (random.nextInt(10) < 4) {
      int account = random.nextInt(TRIAL_ACCOUNTS);
      return new Call<>("balance(" + account + ")", bank -> bank.balance(account));
    }
    int from = random.nextInt(TRIAL_ACCOUNTS);
    int to = (from + 1 + random.nextInt(TRIAL_ACCOUNTS - 1)) % TRIAL_ACCOUNTS;
    // Up to half again what an account starts with: some transfers must be refused.
    long amount = 1 + random.nextInt((int) INITIAL * 3 / 2);
    return new Call<>("transfer(" + from + ", " + to + ", " + amount + ")", bank -> bank.transfer(from, to, amount));
  }

  @Override
  public Object stress(Bank target, int thread, SplittableRandom random, int operations) {
    long transfers = 0;
    long declinedButMoved = 0;
    long approvedButRefused = 0;
    long[] moved = new long[ACCOUNTS];
    for (int i = 0; i < operations; i++) {
      int from = random.nextInt(ACCOUNTS);
      int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      if (i % 10 == 9) {
        target.balance(to);
        continue;
      }
      long amount = 1 + random.nextInt(STRESS_AMOUNTS);
      transfers++;
      boolean approved = FraudService.approves(from, to, amount);
      boolean moves = target.transfer(from, to, amount);
      if (moves) {
        moved[from] -= amount;
        moved[to] += amount;
      }
      if (moves && !approved) {
        declinedButMoved++;
      } else if (!moves && approved) {
        approvedButRefused++;
      }
    }
    return new Tally(transfers, moved, declinedButMoved, approvedButRefused);
  }

  @Override
  public String verify(Bank target, List<Object> tallies) {
    long transfers = 0;
    long declinedButMoved = 0;
    long approvedButRefused = 0;
    long[] moved = new long[ACCOUNTS];
    for (Object one : tallies) {
      Tally tally = (Tally) one;
      transfers += tally.transfers();
      declinedButMoved += tally.declinedButMoved();
      approvedButRefused += tally.approvedButRefused();
      for (int account = 0; account < ACCOUNTS; account++) {
        moved[account] += tally.moved()[account];
      }
    }
    if (declinedButMoved > 0) {
      return declinedButMoved + " transfers went through although the fraud service declined them";
    }
    if (approvedButRefused > 0) {
      return approvedButRefused + " transfers were refused although the fraud service approved them and the"
          + " account held far more than their amount";
    }
    if (stressed.asked.get() != transfers) {
      return "the fraud service was asked " + stressed.asked.get() + " times over " + transfers
          + " transfers; it must be asked once for each";
    }
    for (int account = 0; account < ACCOUNTS; account++) {
      long expected = STRESS_INITIAL + moved[account];
      long balance = target.balance(account);
      if (balance != expected) {
        return "account " + account + " holds " + balance + ", but the transfers that went through leave it "
            + expected + ": money was " + (balance < expected ? "lost" : "made");
      }
    }
    return null;
  }
}
