package quotes;

/** The market-data service. Loading a price takes a while: it is a call to another system. */
public interface PriceSource {
  /** The symbol's price, in cents; always the same for the same symbol. */
  long load(String symbol);
}
