import java.util.concurrent.ConcurrentHashMap;
import quotes.PriceSource;
import quotes.Quotes;

/**
 * A race between checking and acting: two threads that miss the same symbol at once both load it.
 * Each map operation is thread-safe; the pair of them is not.
 */
public final class QuoteCache implements Quotes {
  private final PriceSource source;
  private final ConcurrentHashMap<String, Long> prices = new ConcurrentHashMap<>();

  public QuoteCache(PriceSource source) {
    this.source = source;
  }

  @Override
  public long price(String symbol) {
    Long price = prices.get(symbol);
    if (price == null) {
      price = source.load(symbol);
      prices.put(symbol, price);
    }
    return price;
  }
}
