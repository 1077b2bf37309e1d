import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import quotes.PriceSource;
import quotes.Quotes;

/**
 * One future per symbol, put in the map before the load starts: whoever puts it loads, and whoever
 * finds it waits for that load. The load itself runs outside the map's locks, so loads of other
 * symbols go on at the same time.
 */
public final class QuoteCache implements Quotes {
  private final PriceSource source;
  private final ConcurrentHashMap<String, CompletableFuture<Long>> prices = new ConcurrentHashMap<>();

  public QuoteCache(PriceSource source) {
    this.source = source;
  }

  @Override
  public long price(String symbol) {
    CompletableFuture<Long> price = prices.get(symbol);
    if (price == null) {
      var mine = new CompletableFuture<Long>();
      price = prices.putIfAbsent(symbol, mine);
      if (price == null) {
        price = mine;
        mine.complete(source.load(symbol));
      }
    }
    return price.join();
  }
}
