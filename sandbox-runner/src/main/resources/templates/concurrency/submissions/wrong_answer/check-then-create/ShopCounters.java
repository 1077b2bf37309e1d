import ids.OrderNumbers;
import ids.Shops;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A race: two first orders of a shop each put a counter in the map, and hand out the same number. */
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
      counter = new AtomicLong(shops.lastNumber(shop));
      counters.put(shop, counter);
    }
    return counter.incrementAndGet();
  }
}
