package quotes;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Trials: three symbols. Stress runs: the threads go through the symbols in pairs, each pair over a
 * range of its own, a few symbols ahead of each other, so that both of a pair often miss the same
 * symbol at once while the other pairs load others; a load takes a tenth of a millisecond. Afterwards
 * every symbol asked for must have been loaded exactly once, and every price must be right.
 */
public final class QuotesWorkload implements Workload<Quotes> {
  private static final String[] TRIAL_SYMBOLS = {"ACME", "GLOBEX", "INITECH"};
  private static final int AHEAD = 4;
  private static final long SLOW_NANOS = 100_000;

  /** The market-data service of the stress run under way: its create, its threads and its verify come in turn. */
  private Market stressed;

  /** Prices by the symbol alone, so that a replay sees the same ones; counts its loads. */
  private static final class Market implements PriceSource {
    private final boolean slow;
    private final ConcurrentHashMap<String, AtomicInteger> loads = new ConcurrentHashMap<>();

    Market(boolean slow) {
      this.slow = slow;
    }

    @Override
    public long load(String symbol) {
      loads.computeIfAbsent(symbol, s -> new AtomicInteger()).incrementAndGet();
      if (slow) {
        LockSupport.parkNanos(SLOW_NANOS);
      }
      return price(symbol);
    }

    static long price(String symbol) {
      return 100 + Math.floorMod(symbol.hashCode(), 100_000);
    }
  }

  @Override
  public Class<Quotes> api() {
    return Quotes.class;
  }

  @Override
  public Quotes create(Class<? extends Quotes> implementation) throws ReflectiveOperationException {
    return implementation.getConstructor(PriceSource.class).newInstance(new Market(false));
  }

  @Override
  public Quotes createForStress(Class<? extends Quotes> implementation) throws ReflectiveOperationException {
    stressed = new Market(true);
    return implementation.getConstructor(PriceSource.class).newInstance(stressed);
  }

  @Override
  public Call<Quotes> call(SplittableRandom random) {
    String symbol = TRIAL_SYMBOLS[random.nextInt(TRIAL_SYMBOLS.length)];
    return new Call<>("price(\"" + symbol + "\")", quotes -> quotes.price(symbol));
  }

  @Override
  public Object stress(Quotes target, int thread, SplittableRandom random, int operations) {
    long wrong = 0;
    for (int i = 0; i < operations; i++) {
      String symbol = "S" + (thread / 2) + "-" + (i / 2 + random.nextInt(AHEAD));
      if (target.price(symbol) != Market.price(symbol)) {
        wrong++;
      }
    }
    return wrong;
  }

  @Override
  public String verify(Quotes target, List<Object> tallies) {
    long wrong = tallies.stream().mapToLong(tally -> (Long) tally).sum();
    if (wrong > 0) {
      return wrong + " prices returned were not the symbol's price";
    }
    for (var entry : stressed.loads.entrySet()) {
      if (entry.getValue().get() != 1) {
        return entry.getKey() + " was loaded " + entry.getValue().get() + " times; every symbol must be loaded once";
      }
    }
    return null;
  }
}
