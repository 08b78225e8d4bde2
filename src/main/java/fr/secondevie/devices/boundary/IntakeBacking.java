package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.PledgeCount;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.boundary.PageParameters;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The scanner-friendly intake page: the serial number field keeps the focus, Enter registers the
 * device, and the list of the donation's devices grows. Category, brand and model stay as they were
 * for the next device of the same batch.
 */
@Named
@ViewScoped
public class IntakeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Workshop workshop;

  private Long donationId;
  private DeviceCategory category = DeviceCategory.LAPTOP;
  private String brand;
  private String model;
  private String serialNumber;
  private String beyondPledge;
  private transient PledgeCount count;

  /** The record the page works on, from the query string of the first request of the view. */
  @PostConstruct
  void init() {
    donationId = PageParameters.id("donation").orElse(null);
  }

  /**
   * Registers the scanned device. One more than the donation pledged (of its category, or in all)
   * is registered only once the page has said so and the agent has confirmed that very serial
   * number.
   */
  public void register() {
    if (serialNumber != null
        && !serialNumber.equals(beyondPledge)
        && getCount().oneMoreIsBeyond(category)) {
      beyondPledge = serialNumber;
      return;
    }
    beyondPledge = null;
    try {
      Device device = workshop.register(donationId, serialNumber, category, brand, model);
      PageMessages.info("intake.done", device.serialNumber());
      serialNumber = null;
      count = null;
    } catch (BusinessException e) {
      if ("DUPLICATE_SERIAL".equals(e.code())) {
        PageMessages.refusedAt("intake:serial", e);
      } else {
        PageMessages.refused(e);
      }
    } catch (IllegalArgumentException e) {
      PageMessages.refused(BusinessException.badRequest("INVALID_INPUT", e.getMessage()));
    }
  }

  /** Back to scanning, without registering the device beyond the pledge. */
  public void keepToPledge() {
    beyondPledge = null;
    serialNumber = null;
  }

  /** The serial number waiting for the agent's confirmation that it is beyond the pledge. */
  public String getBeyondPledge() {
    return beyondPledge;
  }

  /** What the donation pledged beside what was taken in, by category. */
  public PledgeCount getCount() {
    if (count == null && donationId != null) {
      count = workshop.pledgeCount(donationId);
    }
    return count;
  }

  /** "Il manque 2 appareils sur les 5 promis." or "1 appareil de plus que promis". */
  public String getCountText() {
    PledgeCount c = getCount();
    if (c == null) {
      return "";
    }
    if (c.missing() > 0) {
      return PageMessages.text("intake.count.missing", c.missing(), c.pledged(), c.takenIn());
    }
    if (c.takenIn() > c.pledged()) {
      return PageMessages.text("intake.count.beyond", c.takenIn() - c.pledged(), c.pledged());
    }
    return PageMessages.text("intake.count.complete", c.pledged());
  }

  /** "Ce don promettait 5 appareils (dont 3 ordinateurs portables) : 5 sont déjà enregistrés." */
  public String getBeyondText() {
    PledgeCount c = getCount();
    if (beyondPledge == null || c == null) {
      return "";
    }
    PledgeCount.Line line =
        c.lines().stream()
            .filter(l -> l.category() == category)
            .findFirst()
            .orElse(new PledgeCount.Line(category, 0, 0));
    return PageMessages.text(
        "intake.beyond.confirm",
        beyondPledge,
        c.pledged(),
        c.takenIn(),
        PageMessages.text("category." + category.name()),
        line.pledged(),
        line.takenIn());
  }

  public List<Device> getDevices() {
    return donationId == null ? List.of() : workshop.ofDonation(donationId);
  }

  public DeviceCategory[] getCategories() {
    return DeviceCategory.values();
  }

  public Long getDonationId() {
    return donationId;
  }

  public void setDonationId(Long donationId) {
    this.donationId = donationId;
  }

  public DeviceCategory getCategory() {
    return category;
  }

  public void setCategory(DeviceCategory category) {
    this.category = category;
  }

  public String getBrand() {
    return brand;
  }

  public void setBrand(String brand) {
    this.brand = brand;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getSerialNumber() {
    return serialNumber;
  }

  public void setSerialNumber(String serialNumber) {
    this.serialNumber = serialNumber;
  }
}
