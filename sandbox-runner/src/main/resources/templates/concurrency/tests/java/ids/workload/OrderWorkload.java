package ids.workload;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import ids.OrderNumbers;
import ids.Shops;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The hidden tests, in a package the module does not export. Everything random comes from the random
 * source handed in: trials are drawn again, from the same seed, to be replayed on the reference.
 */
public final class OrderWorkload implements Workload<OrderNumbers> {
  /** Busy shops, whose first orders collide, and many quiet ones, whose first orders each need a lookup. */
  private static final int BUSY = 50;
  private static final int QUIET = 4_000;
  private static final long LOOKUP_NANOS = 100_000;
  private static final SecureRandom SALTS = new SecureRandom();

  /** The shop database of the stress run under way: its create, its threads and its verify come in turn. */
  private Database stressed;

  /**
   * Last numbers by the shop's name and the database's salt alone, so that a replay sees the same
   * ones; each stress run's database has a salt of its own, so that nothing remembered helps.
   */
  private static final class Database implements Shops {
    private final boolean slow;
    private final int salt;

    Database(boolean slow, int salt) {
      this.slow = slow;
      this.salt = salt;
    }

    @Override
    public long lastNumber(String shop) {
      if (slow) {
        LockSupport.parkNanos(LOOKUP_NANOS);
      }
      return last(shop);
    }

    long last(String shop) {
      return Math.floorMod(shop.hashCode() ^ salt, 1000);
    }
  }

  @Override
  public Class<OrderNumbers> api() {
    return OrderNumbers.class;
  }

  /** For trials and their replays: lookups answer at once. */
  @Override
  public OrderNumbers create(Class<? extends OrderNumbers> implementation) throws ReflectiveOperationException {
    return implementation.getConstructor(Shops.class).newInstance(new Database(false, 0));
  }

  /** For stress runs: lookups take a tenth of a millisecond, as a database would. */
  @Override
  public OrderNumbers createForStress(Class<? extends OrderNumbers> implementation)
      throws ReflectiveOperationException {
    stressed = new Database(true, SALTS.nextInt());
    return implementation.getConstructor(Shops.class).newInstance(stressed);
  }

  /** A trial's call: two shops, so that calls collide. */
  @Override
  public Call<OrderNumbers> call(SplittableRandom random) {
    String shop = random.nextBoolean() ? "north" : "south";
    return new Call<>("next(\"" + shop + "\")", numbers -> numbers.next(shop));
  }

  /** One stress thread: the numbers it got, by shop. */
  @Override
  public Object stress(OrderNumbers target, int thread, SplittableRandom random, int operations) {
    var got = new HashMap<String, List<Long>>();
    for (int i = 0; i < operations; i++) {
      String shop = random.nextBoolean() ? "busy-" + random.nextInt(BUSY) : "quiet-" + random.nextInt(QUIET);
      got.computeIfAbsent(shop, s -> new ArrayList<>()).add(target.next(shop));
    }
    return got;
  }

  /** Each shop's numbers, all threads together, must be its last number + 1, + 2, ... without a gap. */
  @Override
  @SuppressWarnings("unchecked")
  public String verify(OrderNumbers target, List<Object> tallies) {
    var all = new HashMap<String, List<Long>>();
    for (Object tally : tallies) {
      ((Map<String, List<Long>>) tally).forEach((shop, numbers) ->
          all.computeIfAbsent(shop, s -> new ArrayList<>()).addAll(numbers));
    }
    for (var entry : all.entrySet()) {
      var numbers = entry.getValue().stream().sorted().toList();
      long expected = stressed.last(entry.getKey());
      for (long number : numbers) {
        if (number != ++expected) {
          return entry.getKey() + " handed out " + number + " where " + expected + " was due: a number was"
              + " repeated or skipped";
        }
      }
    }
    return null;
  }
}
