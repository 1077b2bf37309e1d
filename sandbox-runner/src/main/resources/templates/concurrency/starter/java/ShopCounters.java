import ids.OrderNumbers;
import ids.Shops;

public final class ShopCounters implements OrderNumbers {
  public ShopCounters(Shops shops) {
    // TODO
  }

  @Override
  public long next(String shop) {
    // TODO
    return 0;
  }
}
