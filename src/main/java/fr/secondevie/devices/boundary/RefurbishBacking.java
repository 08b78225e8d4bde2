package fr.secondevie.devices.boundary;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.ErasureMethod;
import fr.secondevie.devices.entity.Specs;
import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.boundary.PageParameters;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The refurbishment form of one device, and its recycling. */
@Named
@ViewScoped
public class RefurbishBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Workshop workshop;
  @Inject Relays relays;

  private Long deviceId;
  private Grade grade;
  private Integer batteryHealthPercent;
  private String cpu;
  private Integer ramGb;
  private Integer storageGb;
  private BigDecimal screenInches;
  private String os;
  private ErasureMethod erasureMethod;
  private String erasureTool;
  private String certificateId;
  private LocalDate erasedAt;
  private boolean testsPassed;
  private Long relayId;
  private String price;
  private BigDecimal insertionHours;
  private String reason;
  private transient Device previous;

  /** The record the page works on, from the query string of the first request of the view. */
  @PostConstruct
  void init() {
    deviceId = PageParameters.id("device").orElse(null);
  }

  public Device getDevice() {
    return deviceId == null ? null : workshop.get(deviceId);
  }

  public String refurbish() {
    try {
      Money listPrice = price == null || price.isBlank() ? null : Money.parse(price);
      if (listPrice == null || grade == null) {
        throw BusinessException.badRequest("INVALID_INPUT", "grade and price");
      }
      Device device =
          workshop.refurbish(
              deviceId,
              new RefurbishmentOrder(
                  grade,
                  batteryHealthPercent,
                  new Specs(cpu, ramGb, storageGb, screenInches, os),
                  erasureMethod,
                  erasureTool,
                  certificateId,
                  erasedAt == null ? null : erasedAt.atStartOfDay(),
                  testsPassed,
                  relayId,
                  listPrice,
                  insertionHours));
      PageMessages.info("refurbish.done", device.serialNumber());
      PageMessages.keepForRedirect();
      return "/app/workshop/devices.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      PageMessages.refused(BusinessException.badRequest("INVALID_INPUT", e.getMessage()));
    }
    return null;
  }

  /**
   * The last device of this category, brand and model the workshop refurbished, whose form this one
   * can copy; null when there is none.
   */
  public Device getPrevious() {
    if (previous == null && deviceId != null) {
      previous = workshop.previousOfModel(workshop.get(deviceId)).orElse(null);
    }
    return previous;
  }

  /**
   * Fills the form from the previous device of this model: its specs, erasure method and tool, and
   * relay. Not its grade, battery, certificate, erasure date, tests or price: those are this
   * device's own (the price follows the grade).
   */
  public void copyPrevious() {
    Device from = getPrevious();
    if (from == null) {
      return;
    }
    Specs specs = from.specs();
    if (specs != null) {
      cpu = specs.cpu();
      ramGb = specs.ramGb();
      storageGb = specs.storageGb();
      screenInches = specs.screenInches();
      os = specs.os();
    }
    if (from.erasure() != null) {
      erasureMethod = from.erasure().method();
      erasureTool = from.erasure().tool();
    }
    if (from.relay() != null) {
      relayId = from.relay().id();
    }
    PageMessages.info("refurbish.copied", from.serialNumber());
  }

  public String recycle() {
    try {
      Device device = workshop.recycle(deviceId, reason);
      PageMessages.info("refurbish.recycled", device.serialNumber());
      PageMessages.keepForRedirect();
      return "/app/workshop/devices.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
    } catch (IllegalArgumentException e) {
      PageMessages.refused(BusinessException.badRequest("INVALID_INPUT", e.getMessage()));
    }
    return null;
  }

  public List<Organisation> getRelays() {
    return relays.all();
  }

  public Grade[] getGrades() {
    return Grade.values();
  }

  public ErasureMethod[] getMethods() {
    return ErasureMethod.values();
  }

  public Long getDeviceId() {
    return deviceId;
  }

  public void setDeviceId(Long deviceId) {
    this.deviceId = deviceId;
  }

  public Grade getGrade() {
    return grade;
  }

  public void setGrade(Grade grade) {
    this.grade = grade;
  }

  public Integer getBatteryHealthPercent() {
    return batteryHealthPercent;
  }

  public void setBatteryHealthPercent(Integer batteryHealthPercent) {
    this.batteryHealthPercent = batteryHealthPercent;
  }

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public Integer getRamGb() {
    return ramGb;
  }

  public void setRamGb(Integer ramGb) {
    this.ramGb = ramGb;
  }

  public Integer getStorageGb() {
    return storageGb;
  }

  public void setStorageGb(Integer storageGb) {
    this.storageGb = storageGb;
  }

  public BigDecimal getScreenInches() {
    return screenInches;
  }

  public void setScreenInches(BigDecimal screenInches) {
    this.screenInches = screenInches;
  }

  public String getOs() {
    return os;
  }

  public void setOs(String os) {
    this.os = os;
  }

  public ErasureMethod getErasureMethod() {
    return erasureMethod;
  }

  public void setErasureMethod(ErasureMethod erasureMethod) {
    this.erasureMethod = erasureMethod;
  }

  public String getErasureTool() {
    return erasureTool;
  }

  public void setErasureTool(String erasureTool) {
    this.erasureTool = erasureTool;
  }

  public String getCertificateId() {
    return certificateId;
  }

  public void setCertificateId(String certificateId) {
    this.certificateId = certificateId;
  }

  public LocalDate getErasedAt() {
    return erasedAt;
  }

  public void setErasedAt(LocalDate erasedAt) {
    this.erasedAt = erasedAt;
  }

  public boolean isTestsPassed() {
    return testsPassed;
  }

  public void setTestsPassed(boolean testsPassed) {
    this.testsPassed = testsPassed;
  }

  public Long getRelayId() {
    return relayId;
  }

  public void setRelayId(Long relayId) {
    this.relayId = relayId;
  }

  public BigDecimal getInsertionHours() {
    return insertionHours;
  }

  public void setInsertionHours(BigDecimal insertionHours) {
    this.insertionHours = insertionHours;
  }

  public String getPrice() {
    return price;
  }

  public void setPrice(String price) {
    this.price = price;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
