import java.util.concurrent.ConcurrentHashMap;
import quotes.PriceSource;
import quotes.Quotes;

/**
 * The map loads a missing symbol itself, once, while callers of that symbol wait; the map locks only
 * the part of its table the symbol is in, so loads of most other symbols go on.
 */
public final class QuoteCache implements Quotes {
  private final PriceSource source;
  private final ConcurrentHashMap<String, Long> prices = new ConcurrentHashMap<>(4096);

  public QuoteCache(PriceSource source) {
    this.source = source;
  }

  @Override
  public long price(String symbol) {
    return prices.computeIfAbsent(symbol, source::load);
  }
}
