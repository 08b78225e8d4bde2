package fr.secondevie.donations.entity;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One line of a donation: so many devices of a category, described by the donor, each at the value
 * <em>as determined by the donor</em> (the value an in-kind tax receipt states).
 */
@Embeddable
public class DonationItem {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeviceCategory category;

  @Column(nullable = false)
  private int quantity;

  private String description;

  @Column(name = "unit_value_cents", nullable = false)
  private Money unitValue;

  protected DonationItem() {}

  public DonationItem(DeviceCategory category, int quantity, String description, Money unitValue) {
    if (quantity < 1) {
      throw new IllegalArgumentException("A donation line has at least one device");
    }
    if (unitValue == null || unitValue.isNegative()) {
      throw new IllegalArgumentException("The value of a device is zero or more");
    }
    this.category = Objects.requireNonNull(category);
    this.quantity = quantity;
    this.description = description == null || description.isBlank() ? null : description.trim();
    this.unitValue = unitValue;
  }

  public DeviceCategory category() {
    return category;
  }

  public int quantity() {
    return quantity;
  }

  public String description() {
    return description;
  }

  public Money unitValue() {
    return unitValue;
  }

  public Money totalValue() {
    return unitValue.times(quantity);
  }
}
