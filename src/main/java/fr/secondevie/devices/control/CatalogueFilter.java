package fr.secondevie.devices.control;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;

/**
 * What a visitor narrows the catalogue to; null means any. Pages start at 0. The territory is that
 * of the device's relay.
 */
public record CatalogueFilter(
    DeviceCategory category,
    Grade grade,
    Long relayId,
    String text,
    int page,
    int size,
    Long territoryId) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public CatalogueFilter {
    if (page < 0) {
      throw new IllegalArgumentException("Pages start at 0");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("A page holds 1 to " + MAX_SIZE + " devices");
    }
    text = text == null || text.isBlank() ? null : text.trim();
  }

  /** A filter of every territory. */
  public CatalogueFilter(
      DeviceCategory category, Grade grade, Long relayId, String text, int page, int size) {
    this(category, grade, relayId, text, page, size, null);
  }
}
