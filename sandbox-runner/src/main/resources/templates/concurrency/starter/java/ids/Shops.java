package ids;

/** The shop database. Asking it takes a while. */
public interface Shops {
  /** The last order number the shop handed out before today; always the same for the same shop. */
  long lastNumber(String shop);
}
