package fr.secondevie.devices.control;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A device on sale as the public catalogue shows it, read in one query with its relay (a
 * projection, not an entity: nothing to load lazily, nothing to track).
 */
public record CatalogueItem(
    long id,
    DeviceCategory category,
    String brand,
    String model,
    Grade grade,
    Integer batteryHealthPercent,
    String cpu,
    Integer ramGb,
    Integer storageGb,
    BigDecimal screenInches,
    String os,
    long relayId,
    String relayName,
    String relayCity,
    Money listPrice) {

  /** The constructor JPQL calls: boxed numbers as the query yields them. */
  public CatalogueItem(
      Long id,
      DeviceCategory category,
      String brand,
      String model,
      Grade grade,
      Integer batteryHealthPercent,
      String cpu,
      Integer ramGb,
      Integer storageGb,
      BigDecimal screenInches,
      String os,
      Long relayId,
      String relayName,
      String relayCity,
      Money listPrice) {
    this(
        id.longValue(),
        category,
        brand,
        model,
        grade,
        batteryHealthPercent,
        cpu,
        ramGb,
        storageGb,
        screenInches,
        os,
        relayId.longValue(),
        relayName,
        relayCity,
        listPrice);
  }

  /**
   * The same item with its words, figures and price shared with every other item of one reading
   * that has them ({@code pool}: each value met, by itself): a catalogue names a few hundred
   * brands, models, processors, systems, relays and prices, and each row the database returns
   * carries its own copies of them. For 1,000,000 devices the copy weighs 305 MB with the words
   * alone shared, 160 MB with everything ({@code CatalogueMemoryBench}).
   */
  CatalogueItem shared(Map<Object, Object> pool) {
    return new CatalogueItem(
        id,
        category,
        one(pool, brand),
        one(pool, model),
        grade,
        one(pool, batteryHealthPercent),
        one(pool, cpu),
        one(pool, ramGb),
        one(pool, storageGb),
        one(pool, screenInches),
        one(pool, os),
        relayId,
        one(pool, relayName),
        one(pool, relayCity),
        one(pool, listPrice));
  }

  /** The value equal to this one that the pool met first (this one, the first time). */
  @SuppressWarnings("unchecked")
  static <T> T one(Map<Object, Object> pool, T value) {
    return value == null ? null : (T) pool.computeIfAbsent(value, v -> v);
  }

  /** "Dell Latitude 5490", or the category when brand and model are unknown. */
  public String title() {
    String name = ((brand == null ? "" : brand) + " " + (model == null ? "" : model)).trim();
    return name.isEmpty() ? category.name() : name;
  }
}
