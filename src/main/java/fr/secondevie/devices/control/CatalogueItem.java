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

  /**
   * The same item with its words shared with every other item that has them: a catalogue of 100,000
   * devices names a few hundred brands, models, processors, systems and relays, and each row the
   * database returns carries its own copies (about 20 MB of duplicates in the copy each instance
   * holds).
   */
  public CatalogueItem shared() {
    return new CatalogueItem(
        id,
        category,
        intern(brand),
        intern(model),
        grade,
        batteryHealthPercent,
        intern(cpu),
        ramGb,
        storageGb,
        screenInches,
        intern(os),
        relayId,
        intern(relayName),
        intern(relayCity),
        listPrice);
  }

  private static String intern(String text) {
    return text == null ? null : text.intern();
  }

  /** "Dell Latitude 5490", or the category when brand and model are unknown. */
  public String title() {
    String name = ((brand == null ? "" : brand) + " " + (model == null ? "" : model)).trim();
    return name.isEmpty() ? category.name() : name;
  }
}
