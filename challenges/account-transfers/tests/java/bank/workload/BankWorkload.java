package bank.workload;

import bank.Approvals;
import bank.Bank;
import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
  /** Every transfer a stress run can make, by number: from, to and amount. */
  private static final int TRANSFERS = ACCOUNTS * ACCOUNTS * (STRESS_AMOUNTS + 1);
  private static final SecureRandom SALTS = new SecureRandom();

  /** The fraud service of the stress run under way: its create, its threads and its verify come in turn. */
  private FraudService stressed;

  /**
   * Declines one transfer in eleven, by its figures and the service's salt alone, so that a replay
   * declines the same ones; each stress run's service has a salt of its own, so that no answer
   * remembered from another run is right. A stress run's service counts what it was asked.
   */
  private static final class FraudService implements Approvals {
    private final boolean slow;
    private final int salt;
    private final AtomicIntegerArray asked = new AtomicIntegerArray(TRANSFERS);

    FraudService(boolean slow, int salt) {
      this.slow = slow;
      this.salt = salt;
    }

    @Override
    public boolean approve(int from, int to, long amount) {
      if (slow) {
        asked.incrementAndGet(transfer(from, to, amount));
        if (amount > SLOW_ABOVE) {
          LockSupport.parkNanos(SLOW_NANOS);
        }
      }
      return approves(from, to, amount);
    }

    boolean approves(int from, int to, long amount) {
      return Math.floorMod(from * 31 + to * 17 + amount + salt, 11) != 0;
    }
  }

  /** A stress run's transfer by number; one with an amount no stress run makes counts as number 0, never made. */
  private static int transfer(int from, int to, long amount) {
    boolean possible = from >= 0 && from < ACCOUNTS && to >= 0 && to < ACCOUNTS && amount > 0
        && amount <= STRESS_AMOUNTS;
    return possible ? (from * ACCOUNTS + to) * (STRESS_AMOUNTS + 1) + (int) amount : 0;
  }

  /** What one stress thread did: the transfers it asked for, how balances moved, and what went wrong. */
  private record Tally(int[] transfers, long[] moved, long declinedButMoved, long approvedButRefused) {
  }

  @Override
  public Class<Bank> api() {
    return Bank.class;
  }

  @Override
  public Bank create(Class<? extends Bank> implementation) throws ReflectiveOperationException {
    return make(implementation, INITIAL, new FraudService(false, 0));
  }

  @Override
  public Bank createForStress(Class<? extends Bank> implementation) throws ReflectiveOperationException {
    stressed = new FraudService(true, SALTS.nextInt());
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
    int[] transfers = new int[TRANSFERS];
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
      transfers[transfer(from, to, amount)]++;
      boolean approved = stressed.approves(from, to, amount);
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
    int[] transfers = new int[TRANSFERS];
    long declinedButMoved = 0;
    long approvedButRefused = 0;
    long[] moved = new long[ACCOUNTS];
    for (Object one : tallies) {
      Tally tally = (Tally) one;
      for (int i = 0; i < TRANSFERS; i++) {
        transfers[i] += tally.transfers()[i];
      }
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
    for (int i = 0; i < TRANSFERS; i++) {
      if (stressed.asked.get(i) != transfers[i]) {
        return "the fraud service was not asked once about each transfer, and about nothing else";
      }
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
