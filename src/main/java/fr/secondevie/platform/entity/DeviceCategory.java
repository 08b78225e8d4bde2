package fr.secondevie.platform.entity;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of equipment the chain accepts, as donors pledge them, workshops take them in, the
 * catalogue lists them, quotas limit them, prices and legal caps apply to them and impact counts
 * them: the one list every capability shares. The names are the values of the JSON API and of the
 * database columns ({@code device.category}, {@code pricing_rule.category}...), so a name never
 * changes; the bundles label them ({@code category.LAPTOP}).
 */
public enum DeviceCategory {
  LAPTOP,
  DESKTOP,
  TABLET,
  SMARTPHONE,
  SCREEN;

  private static final DeviceCategory[] ALL = values();

  /** The category of this name, if there is one (an unknown name is input to refuse). */
  public static Optional<DeviceCategory> named(String name) {
    if (name != null) {
      for (DeviceCategory category : ALL) {
        if (category.name().equals(name)) {
          return Optional.of(category);
        }
      }
    }
    return Optional.empty();
  }

  /** Every category, in the order the forms offer them. */
  public static List<DeviceCategory> all() {
    return List.of(ALL);
  }
}
