package fr.secondevie.devices.control;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.math.BigDecimal;

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

  /** "Dell Latitude 5490", or the category when brand and model are unknown. */
  public String title() {
    String name = ((brand == null ? "" : brand) + " " + (model == null ? "" : model)).trim();
    return name.isEmpty() ? category.name() : name;
  }
}
