import ids.OrderNumbers;
import ids.Shops;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter per shop. A new shop's last number is looked up before anything is locked; two first
 * orders at once may both look it up, and the map keeps one counter.
 */
public final class ShopCounters implements OrderNumbers {
  private final Shops shops;
  private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

  public ShopCounters(Shops shops) {
    this.shops = shops;
  }

  @Override
  public long next(String shop) {
    AtomicLong counter = counters.get(shop);
    if (counter == null) {
      long last = shops.lastNumber(shop);
      counter = counters.computeIfAbsent(shop, s -> new AtomicLong(last));
    }
    return counter.incrementAndGet();
  }
}
