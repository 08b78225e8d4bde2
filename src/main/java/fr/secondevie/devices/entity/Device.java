package fr.secondevie.devices.entity;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One physical device, known by its serial number from the moment the refurbisher registers it out
 * of a received donation. Its life cycle is guarded here:
 *
 * <pre>
 * RECEIVED → AVAILABLE → RESERVED → SOLD → RETURNED → AVAILABLE (refurbished again)
 * RECEIVED, AVAILABLE or RETURNED → RECYCLED
 * </pre>
 *
 * No device becomes AVAILABLE without a complete erasure and passed functional tests
 * ("reconditionné", décret 2022-190). A device from a public body's donation keeps that origin: the
 * legal price caps apply to it.
 */
@Entity
@Table(name = "device")
@NamedQuery(
    name = "Device.findOfDonation",
    query = "select d from Device d where d.donation.id = :donation order by d.id")
@NamedQuery(
    name = "Device.findBySerial",
    query = "select d from Device d where d.serialNumber = :serial")
@NamedQuery(
    name = "Device.findInWorkshop",
    query =
        "select d from Device d join fetch d.donation where d.status = :status"
            + " and d.donation.workshop.id = :workshop order by d.id desc")
@NamedQuery(
    name = "Device.findReturnedToWorkshop",
    query =
        "select d from Device d where d.status = fr.secondevie.devices.entity.DeviceStatus.RETURNED"
            + " and d.donation.workshop.id = :workshop order by d.returnedAt desc, d.id desc")
@NamedQuery(
    name = "Device.findOfDonationInWorkshop",
    query =
        "select d from Device d where d.donation.id = :donation"
            + " and d.donation.workshop.id = :workshop order by d.id")
@NamedQuery(
    name = "Device.findOneInWorkshop",
    query = "select d from Device d where d.id = :id and d.donation.workshop.id = :workshop")
@NamedQuery(
    name = "Device.findOneOfTerritory",
    query = "select d from Device d where d.id = :id and d.donation.donor.territoryId = :territory")
@NamedQuery(
    name = "Device.findLastRefurbishedOfModel",
    query =
        "select d from Device d where d.id <> :id and d.category = :category"
            + " and lower(d.brand) = lower(:brand) and lower(d.model) = lower(:model)"
            + " and d.refurbishedAt is not null and d.refurbisher.id = :workshop"
            + " order by d.refurbishedAt desc, d.id desc")
@NamedQuery(
    name = "Device.findOfDonorCompany",
    query = "select d from Device d where d.id = :id and d.donation.donor.id = :donor")
public class Device {

  /** The legal conformity warranty of a used good sold by a professional to a consumer. */
  public static final int WARRANTY_MONTHS = 24;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "donation_id")
  private Donation donation;

  @Column(name = "serial_number", nullable = false, updatable = false)
  private String serialNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeviceCategory category;

  private String brand;
  private String model;

  @Column(name = "search_text")
  private String searchText;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeviceStatus status;

  @Column(name = "public_origin", nullable = false, updatable = false)
  private boolean publicOrigin;

  @Enumerated(EnumType.STRING)
  private Grade grade;

  @Column(name = "battery_health_percent")
  private Integer batteryHealthPercent;

  @Embedded private Specs specs;

  @Column(name = "functional_tests_passed", nullable = false)
  private boolean functionalTestsPassed;

  @Embedded private Erasure erasure;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "refurbisher_id")
  private Organisation refurbisher;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "relay_id")
  private Organisation relay;

  /** The same column read as an id: asking which relay a device is at loads no organisation. */
  @Column(name = "relay_id", insertable = false, updatable = false)
  private Long relayId;

  @Column(name = "list_price_cents")
  private Money listPrice;

  @Column(name = "received_at", nullable = false)
  private LocalDateTime receivedAt;

  @Column(name = "received_by")
  private String receivedBy;

  @Column(name = "refurbished_at")
  private LocalDateTime refurbishedAt;

  @Column(name = "reserved_at")
  private LocalDateTime reservedAt;

  @Column(name = "sold_at")
  private LocalDateTime soldAt;

  @Column(name = "recycled_at")
  private LocalDateTime recycledAt;

  @Column(name = "recycling_reason")
  private String recyclingReason;

  @Column(name = "insertion_hours")
  private BigDecimal insertionHours;

  @Column(name = "returned_at")
  private LocalDateTime returnedAt;

  /** DEFECT or OTHER, as the counter said when the device was brought back. */
  @Column(name = "return_reason")
  private String returnReason;

  @Column(name = "return_note")
  private String returnNote;

  @Version private long version;

  /**
   * When the row last changed, in milliseconds by the database's clock: the database stamps it on
   * every insert and update (V53), and the catalogue reads the rows changed since its last look.
   */
  @Column(name = "changed_at", insertable = false, updatable = false)
  private long changedAt;

  protected Device() {}

  /** Registers a device of a received donation, as its serial number was scanned. */
  public Device(
      Donation donation,
      String serialNumber,
      DeviceCategory category,
      String brand,
      String model,
      String receivedBy,
      LocalDateTime receivedAt) {
    donation.requireReceived();
    this.donation = donation;
    this.serialNumber = normaliseSerial(serialNumber);
    this.category = Objects.requireNonNull(category);
    this.brand = blankToNull(brand);
    this.model = blankToNull(model);
    this.publicOrigin = donation.publicOrigin();
    this.receivedBy = receivedBy;
    this.receivedAt = Objects.requireNonNull(receivedAt);
    this.status = DeviceStatus.RECEIVED;
    this.searchText = searchTextOf(this.brand, this.model, null);
  }

  /** Serial numbers compare without surrounding blanks and case: " abc123 " is "ABC123". */
  public static String normaliseSerial(String serial) {
    if (serial == null || serial.isBlank()) {
      throw new IllegalArgumentException("A device has a serial number");
    }
    return serial.trim().toUpperCase(Locale.ROOT);
  }

  /** The lower-case words the catalogue's free-text search looks into. */
  public static String searchTextOf(String brand, String model, String cpu) {
    return Stream.of(brand, model, cpu)
        .filter(Objects::nonNull)
        .map(s -> s.toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(" "));
  }

  /**
   * Puts the device on sale at a relay: only a RECEIVED device, only with a complete erasure (else
   * 422 {@code ERASURE_REQUIRED}) and every function tested (else 422 {@code TESTS_NOT_PASSED}).
   */
  public void refurbish(Refurbishment r, LocalDateTime at) {
    requireStatus("refurbish", DeviceStatus.RECEIVED, DeviceStatus.RETURNED);
    if (r.erasure() == null) {
      throw BusinessException.unprocessable(
          "ERASURE_REQUIRED",
          "All data of previous users must be erased (method, tool, certificate id, date)"
              + " before device "
              + serialNumber
              + " is put on sale");
    }
    if (!r.functionalTestsPassed()) {
      throw BusinessException.unprocessable(
          "TESTS_NOT_PASSED", "Every function of device " + serialNumber + " must pass its test");
    }
    if (r.relay() == null || r.relay().kind() != OrganisationKind.RELAY) {
      throw BusinessException.unprocessable("RELAY_UNKNOWN", "The device is sold at a relay");
    }
    if (r.grade() == null) {
      throw new IllegalArgumentException("A refurbished device has a grade");
    }
    if (r.listPrice() == null || r.listPrice().isNegative()) {
      throw new IllegalArgumentException("A refurbished device has a list price of zero or more");
    }
    Integer battery = r.batteryHealthPercent();
    if (battery != null && (battery < 0 || battery > 100)) {
      throw new IllegalArgumentException("Battery health is a percentage");
    }
    BigDecimal hours = withInsertionHours(r.insertionHours());
    this.grade = r.grade();
    this.batteryHealthPercent = battery;
    this.specs = r.specs();
    this.erasure = r.erasure();
    this.functionalTestsPassed = true;
    this.refurbisher = r.refurbisher();
    this.relay = r.relay();
    this.relayId = r.relay().id();
    this.listPrice = r.listPrice();
    this.refurbishedAt = Objects.requireNonNull(at);
    this.insertionHours = hours;
    this.searchText = searchTextOf(brand, model, specs == null ? null : specs.cpu());
    this.status = DeviceStatus.AVAILABLE;
  }

  /**
   * Sends the device to recycling with the reason. A device already recycled stays as it is (a
   * retried call answers the same); returns whether this call changed the state.
   */
  public boolean recycle(String reason, LocalDateTime at) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("Recycling gives its reason");
    }
    if (status == DeviceStatus.RECYCLED) {
      return false;
    }
    requireStatus("recycle", DeviceStatus.RECEIVED, DeviceStatus.AVAILABLE, DeviceStatus.RETURNED);
    this.recyclingReason = reason.trim();
    this.recycledAt = Objects.requireNonNull(at);
    this.status = DeviceStatus.RECYCLED;
    return true;
  }

  /**
   * Takes the device off sale, back to the workshop (a fault found after refurbishment, a wrong
   * price or grade to set again): only a device on sale; one already back answers the same. Returns
   * whether this call changed the state.
   */
  public boolean withdraw() {
    if (status == DeviceStatus.RECEIVED && refurbishedAt != null) {
      return false;
    }
    requireStatus("withdraw", DeviceStatus.AVAILABLE);
    this.status = DeviceStatus.RECEIVED;
    return true;
  }

  /** A new list price for a device on sale (the solidarity price is computed from it). */
  public void reprice(Money newPrice) {
    requireStatus("reprice", DeviceStatus.AVAILABLE);
    if (newPrice == null || newPrice.isNegative()) {
      throw BusinessException.badRequest("INVALID_PRICE", "A list price is of zero or more");
    }
    this.listPrice = newPrice;
  }

  /**
   * Whether the device may be deleted as a mistake of the scan: registered, never refurbished, so
   * that nothing else (an erasure, a sale, a recycling, a receipt's count) depends on it yet.
   */
  public boolean isMisScan() {
    return status == DeviceStatus.RECEIVED && refurbishedAt == null && erasure == null;
  }

  /** An open order holds the device. */
  public void reserve(LocalDateTime at) {
    requireStatus("reserve", DeviceStatus.AVAILABLE);
    this.reservedAt = Objects.requireNonNull(at);
    this.status = DeviceStatus.RESERVED;
  }

  /** The order was cancelled or its hold expired: the device is on sale again. */
  public void release() {
    requireStatus("release", DeviceStatus.RESERVED);
    this.reservedAt = null;
    this.status = DeviceStatus.AVAILABLE;
  }

  /** The order holding the device is paid. */
  public void sell(LocalDateTime at) {
    requireStatus("sell", DeviceStatus.RESERVED);
    this.soldAt = Objects.requireNonNull(at);
    this.status = DeviceStatus.SOLD;
  }

  /**
   * The person brought the sold device back (a defect within the legal warranty, another reason
   * within the return period): it goes back to its workshop as RETURNED, with the reason and the
   * counter's note, off the relay's shelves until the workshop refurbishes it again or recycles it.
   */
  public void returnFromSale(String reason, String note, LocalDateTime at) {
    requireStatus("return", DeviceStatus.SOLD);
    this.returnReason = Objects.requireNonNull(reason);
    this.returnNote = blankToNull(note);
    this.returnedAt = Objects.requireNonNull(at);
    this.reservedAt = null;
    this.status = DeviceStatus.RETURNED;
  }

  private void requireStatus(String act, DeviceStatus... allowed) {
    if (!Set.of(allowed).contains(status)) {
      throw BusinessException.conflict(
          "ILLEGAL_TRANSITION", "Cannot " + act + " device " + serialNumber + ": it is " + status);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public Long id() {
    return id;
  }

  public Donation donation() {
    return donation;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public DeviceCategory category() {
    return category;
  }

  public String brand() {
    return brand;
  }

  public String model() {
    return model;
  }

  /** "Lenovo ThinkPad T480", or what is known of it (empty when neither is). */
  public String brandAndModel() {
    return Stream.of(brand, model).filter(Objects::nonNull).collect(Collectors.joining(" "));
  }

  public DeviceStatus status() {
    return status;
  }

  public boolean publicOrigin() {
    return publicOrigin;
  }

  public Grade grade() {
    return grade;
  }

  public Integer batteryHealthPercent() {
    return batteryHealthPercent;
  }

  public Specs specs() {
    return specs;
  }

  public boolean functionalTestsPassed() {
    return functionalTestsPassed;
  }

  public Erasure erasure() {
    return erasure;
  }

  public Organisation refurbisher() {
    return refurbisher;
  }

  public Organisation relay() {
    return relay;
  }

  /** The id of the relay it is on sale at, or null. */
  public Long relayId() {
    return relayId;
  }

  public Money listPrice() {
    return listPrice;
  }

  /**
   * The insertion work hours recorded for the device, added up over its refurbishments (a device
   * returned and refurbished again took more work); null when none was ever recorded.
   */
  public BigDecimal insertionHours() {
    return insertionHours;
  }

  /**
   * The hours after a refurbishment that records {@code hours} (null: none recorded this time):
   * whole hundredths of an hour, from 0 to 200 for one refurbishment.
   */
  private BigDecimal withInsertionHours(BigDecimal hours) {
    if (hours == null) {
      return insertionHours;
    }
    if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(200)) > 0) {
      throw new IllegalArgumentException("Insertion hours are between 0 and 200 for one device");
    }
    BigDecimal exact = hours.setScale(2, java.math.RoundingMode.HALF_UP);
    return insertionHours == null ? exact : insertionHours.add(exact);
  }

  public LocalDateTime receivedAt() {
    return receivedAt;
  }

  public LocalDateTime refurbishedAt() {
    return refurbishedAt;
  }

  public LocalDateTime reservedAt() {
    return reservedAt;
  }

  public LocalDateTime soldAt() {
    return soldAt;
  }

  public LocalDateTime recycledAt() {
    return recycledAt;
  }

  public LocalDateTime returnedAt() {
    return returnedAt;
  }

  public String returnReason() {
    return returnReason;
  }

  public String returnNote() {
    return returnNote;
  }

  public String recyclingReason() {
    return recyclingReason;
  }
}
