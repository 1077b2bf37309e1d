package bank;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * 32 accounts of 1,000 each. Trials move money among the first three, so that calls collide. Stress
 * runs move it among all of them, with a fraud service that takes a tenth of a millisecond over one
 * transfer in fifty, and then count it: not a unit may be made or lost, no account may go below zero,
 * the service must have been asked once for every transfer, and no declined transfer may go through.
 */
public final class BankWorkload implements Workload<Bank> {
  private static final int ACCOUNTS = 32;
  private static final long INITIAL = 1_000;
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

  /** What one stress thread did. */
  private record Tally(long transfers, long declinedButMoved) {
  }

  @Override
  public Class<Bank> api() {
    return Bank.class;
  }

  @Override
  public Bank create(Class<? extends Bank> implementation) throws ReflectiveOperationException {
    return make(implementation, new FraudService(false));
  }

  @Override
  public Bank createForStress(Class<? extends Bank> implementation) throws ReflectiveOperationException {
    stressed = new FraudService(true);
    return make(implementation, stressed);
  }

  private static Bank make(Class<? extends Bank> implementation, Approvals approvals)
      throws ReflectiveOperationException {
    return implementation.getConstructor(int.class, long.class, Approvals.class)
        .newInstance(ACCOUNTS, INITIAL, approvals);
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
    for (int i = 0; i < operations; i++) {
      int from = random.nextInt(ACCOUNTS);
      int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      if (i % 10 == 9) {
        target.balance(to);
        continue;
      }
      long amount = 1 + random.nextInt(STRESS_AMOUNTS);
      transfers++;
      if (target.transfer(from, to, amount) && !FraudService.approves(from, to, amount)) {
        declinedButMoved++;
      }
    }
    return new Tally(transfers, declinedButMoved);
  }

  @Override
  public String verify(Bank target, List<Object> tallies) {
    long transfers = 0;
    long declinedButMoved = 0;
    for (Object tally : tallies) {
      transfers += ((Tally) tally).transfers();
      declinedButMoved += ((Tally) tally).declinedButMoved();
    }
    if (declinedButMoved > 0) {
      return declinedButMoved + " transfers went through although the fraud service declined them";
    }
    if (stressed.asked.get() != transfers) {
      return "the fraud service was asked " + stressed.asked.get() + " times over " + transfers
          + " transfers; it must be asked once for each";
    }
    long total = 0;
    for (int account = 0; account < ACCOUNTS; account++) {
      long balance = target.balance(account);
      if (balance < 0) {
        return "account " + account + " holds " + balance + ": it gave away money it did not have";
      }
      total += balance;
    }
    return total == ACCOUNTS * INITIAL ? null : "the accounts hold " + total + " together, not the "
        + ACCOUNTS * INITIAL + " they started with: money was " + (total < ACCOUNTS * INITIAL ? "lost" : "made");
  }
}
