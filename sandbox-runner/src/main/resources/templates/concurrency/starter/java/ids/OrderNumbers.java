package ids;

/** Hands out the order numbers of many shops, from many threads at once. */
public interface OrderNumbers {
  /** The shop's next order number. */
  long next(String shop);
}
