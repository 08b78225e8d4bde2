package fr.secondevie.devices.boundary;

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

  /** The record the page works on, from the query string of the first request of the view. */
  @PostConstruct
  void init() {
    donationId = PageParameters.id("donation").orElse(null);
  }

  public void register() {
    try {
      Device device = workshop.register(donationId, serialNumber, category, brand, model);
      PageMessages.info("intake.done", device.serialNumber());
      serialNumber = null;
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
