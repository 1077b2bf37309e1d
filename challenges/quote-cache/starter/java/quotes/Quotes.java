package quotes;

/** Prices of instruments by their symbol, asked for by many threads at once. */
public interface Quotes {
  /** The symbol's price, in cents. */
  long price(String symbol);
}
