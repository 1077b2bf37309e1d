package quotes.workload;

import dev.gauntlet.harness.api.Call;
import dev.gauntlet.harness.api.Workload;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import quotes.PriceSource;
import quotes.Quotes;

/**
 * Trials: three symbols. Stress runs: the threads go through the symbols in pairs, each pair over a
 * range of its own, a few symbols ahead of each other, so that both of a pair often miss the same
 * symbol at once while the other pairs load others; a load takes a tenth of a millisecond. Afterwards
 * every symbol asked for must have been loaded exactly once by that run's market, and no other, and
 * every price must be right. Prices differ from one stress run to the next, so a price remembered
 * from another run is wrong.
 */
public final class QuotesWorkload implements Workload<Quotes> {
  private static final String[] TRIAL_SYMBOLS = {"ACME", "GLOBEX", "INITECH"};
  private static final int AHEAD = 4;
  private static final long SLOW_NANOS = 100_000;
  private static final SecureRandom SALTS = new SecureRandom();

  /** The market-data service of the stress run under way: its create, its threads and its verify come in turn. */
  private Market stressed;

  /** Prices by the symbol and the market's salt alone, so that a replay sees the same ones; counts its loads. */
  private static final class Market implements PriceSource {
    private final boolean slow;
    private final int salt;
    private final ConcurrentHashMap<String, AtomicInteger> loads = new ConcurrentHashMap<>();

    Market(boolean slow, int salt) {
      this.slow = slow;
      this.salt = salt;
    }

    @Override
    public long load(String symbol) {
      loads.computeIfAbsent(symbol, s -> new AtomicInteger()).incrementAndGet();
      if (slow) {
        LockSupport.parkNanos(SLOW_NANOS);
      }
      return price(symbol);
    }

    long price(String symbol) {
      return 100 + Math.floorMod(symbol.hashCode() ^ salt, 100_000);
    }
  }

  /** What one stress thread did: the symbols it asked for, and how many prices it got wrong. */
  private record Tally(Set<String> asked, long wrong) {
  }

  @Override
  public Class<Quotes> api() {
    return Quotes.class;
  }

  @Override
  public Quotes create(Class<? extends Quotes> implementation) throws ReflectiveOperationException {
    return implementation.getConstructor(PriceSource.class).newInstance(new Market(false, 0));
  }

  @Override
  public Quotes createForStress(Class<? extends Quotes> implementation) throws ReflectiveOperationException {
    stressed = new Market(true, SALTS.nextInt());
    return implementation.getConstructor(PriceSource.class).newInstance(stressed);
  }

  @Override
  public Call<Quotes> call(SplittableRandom random) {
    String symbol = TRIAL_SYMBOLS[random.nextInt(TRIAL_SYMBOLS.length)];
    return new Call<>("price(\"" + symbol + "\")", quotes -> quotes.price(symbol));
  }

  @Override
  public Object stress(Quotes target, int thread, SplittableRandom random, int operations) {
    var asked = new HashSet<String>();
    long wrong = 0;
    for (int i = 0; i < operations; i++) {
      String symbol = "S" + (thread / 2) + "-" + (i / 2 + random.nextInt(AHEAD));
      asked.add(symbol);
      if (target.price(symbol) != stressed.price(symbol)) {
        wrong++;
      }
    }
    return new Tally(asked, wrong);
  }

  @Override
  public String verify(Quotes target, List<Object> tallies) {
    var asked = new HashSet<String>();
    for (Object one : tallies) {
      Tally tally = (Tally) one;
      if (tally.wrong() > 0) {
        return tally.wrong() + " prices returned were not the symbol's price";
      }
      asked.addAll(tally.asked());
    }
    for (String symbol : asked) {
      var loads = stressed.loads.get(symbol);
      if (loads == null || loads.get() != 1) {
        return symbol + " was loaded " + (loads == null ? 0 : loads.get()) + " times; every symbol asked for must be"
            + " loaded once";
      }
    }
    if (stressed.loads.size() != asked.size()) {
      return (stressed.loads.size() - asked.size()) + " symbols were loaded that nobody asked for";
    }
    return null;
  }
}
