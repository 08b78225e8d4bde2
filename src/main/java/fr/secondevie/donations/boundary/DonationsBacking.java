package fr.secondevie.donations.boundary;

import fr.secondevie.donations.control.Donations;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The donor's page: pledge a donation (up to three lines), and the company's donations. */
@Named
@RequestScoped
public class DonationsBacking {

  /** One line of the pledge form; an empty quantity means an unused line. */
  public static class Line {
    private DeviceCategory category = DeviceCategory.LAPTOP;
    private Integer quantity;
    private String description;
    private String unitValue;

    public DeviceCategory getCategory() {
      return category;
    }

    public void setCategory(DeviceCategory category) {
      this.category = category;
    }

    public Integer getQuantity() {
      return quantity;
    }

    public void setQuantity(Integer quantity) {
      this.quantity = quantity;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getUnitValue() {
      return unitValue;
    }

    public void setUnitValue(String unitValue) {
      this.unitValue = unitValue;
    }
  }

  @Inject Donations donations;

  private final List<Line> lines = new ArrayList<>(List.of(new Line(), new Line(), new Line()));
  private String pickupAddress;
  private LocalDate availableFrom;
  private List<Donation> list;

  @PostConstruct
  void load() {
    list = donations.visible(null);
  }

  public String pledge() {
    List<DonationItem> items = new ArrayList<>();
    try {
      for (Line line : lines) {
        if (line.quantity != null && line.quantity > 0) {
          items.add(
              new DonationItem(
                  line.category,
                  line.quantity,
                  line.description,
                  line.unitValue == null || line.unitValue.isBlank()
                      ? Money.ZERO
                      : Money.parse(line.unitValue)));
        }
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      PageMessages.refused(BusinessException.badRequest("INVALID_INPUT", e.getMessage()));
      return null;
    }
    if (items.isEmpty()) {
      PageMessages.atField("pledge:lines:0:quantity", "donor.noLine");
      return null;
    }
    try {
      Donation donation = donations.pledge(items, pickupAddress, availableFrom);
      PageMessages.info("donor.pledged", donation.id());
      PageMessages.keepForRedirect();
      return "/app/donor/donations.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public DeviceCategory[] getCategories() {
    return DeviceCategory.values();
  }

  public List<Line> getLines() {
    return lines;
  }

  public String getPickupAddress() {
    return pickupAddress;
  }

  public void setPickupAddress(String pickupAddress) {
    this.pickupAddress = pickupAddress;
  }

  public LocalDate getAvailableFrom() {
    return availableFrom;
  }

  public void setAvailableFrom(LocalDate availableFrom) {
    this.availableFrom = availableFrom;
  }

  public List<Donation> getDonations() {
    return list;
  }
}
