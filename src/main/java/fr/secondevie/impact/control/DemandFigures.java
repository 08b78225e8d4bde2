package fr.secondevie.impact.control;

import fr.secondevie.platform.entity.DeviceCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demand side of a territory's year ({@link TerritoryDashboard} counts it in the database):
 * people diagnosed, found eligible, equipped and waiting, and the median wait from a diagnosis to
 * the device that met it, in whole days.
 */
public final class DemandFigures {

  /** One recommended category's figures; {@code category} null for needs with none stated. */
  public record CategoryDemand(
      DeviceCategory category,
      long diagnosed,
      long equipped,
      long waiting,
      BigDecimal medianWaitDays) {}

  /** The demand of a period. {@code medianWaitDays} is null when no need was met in it. */
  public record Demand(
      long diagnosed,
      long eligible,
      long equipped,
      long waiting,
      BigDecimal medianWaitDays,
      List<CategoryDemand> byCategory) {}

  private DemandFigures() {}

  /**
   * The median of waits given as a histogram (whole days → how many needs waited that long), to the
   * tenth: the middle wait, or the mean of the two middle ones for an even count; null for none.
   */
  public static BigDecimal median(Map<Long, Long> histogram) {
    TreeMap<Long, Long> sorted = new TreeMap<>(histogram);
    long n = sorted.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    long low = (n - 1) / 2;
    long high = n / 2;
    Long lowDays = null;
    Long highDays = null;
    long seen = 0;
    for (Map.Entry<Long, Long> e : sorted.entrySet()) {
      long next = seen + e.getValue();
      if (lowDays == null && low < next) {
        lowDays = e.getKey();
      }
      if (high < next) {
        highDays = e.getKey();
        break;
      }
      seen = next;
    }
    return BigDecimal.valueOf(lowDays + highDays)
        .divide(BigDecimal.valueOf(2))
        .setScale(1, RoundingMode.HALF_UP);
  }
}
