package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.PledgeCount;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceAudit;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.devices.entity.Refurbishment;
import fr.secondevie.donations.control.Donations;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The refurbisher's acts on devices, one transaction each, each audited: register a device of a
 * received donation by its serial number, put it on sale once erased and tested, or recycle it. A
 * workshop acts only on the lots assigned to it and the devices taken in from them (in the query:
 * any other is not found), and puts devices on sale at the relays of its territory only.
 */
@ApplicationScoped
@Transactional
public class Workshop {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Donations donations;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /** Registers a device; a serial number already known is 409 {@code DUPLICATE_SERIAL}. */
  public Device register(
      long donationId, String serialNumber, DeviceCategory category, String brand, String model) {
    requireRefurbisher();
    Donation donation = donations.get(donationId);
    String serial = Device.normaliseSerial(serialNumber);
    if (!em.createNamedQuery("Device.findBySerial", Device.class)
        .setParameter("serial", serial)
        .getResultList()
        .isEmpty()) {
      throw duplicate(serial);
    }
    Device device =
        new Device(
            donation, serial, category, brand, model, caller.username(), LocalDateTime.now(clock));
    try {
      em.persist(device);
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw duplicate(serial);
      }
      throw e;
    }
    audit.record(
        DeviceAudit.DEVICE_REGISTERED,
        "Device",
        device.id(),
        serial + " from donation " + donationId);
    return device;
  }

  public Device refurbish(long deviceId, RefurbishmentOrder order) {
    requireRefurbisher();
    Device device = locked(deviceId);
    Organisation relay =
        order.relayId() == null
            ? null
            : directory
                .findOrganisationInTerritory(order.relayId(), caller.territoryId())
                .orElse(null);
    device.refurbish(
        new Refurbishment(
            order.grade(),
            order.batteryHealthPercent(),
            order.specs(),
            order.erasure(caller.username()),
            order.functionalTestsPassed(),
            directory.getOrganisation(caller.organisationId()),
            relay,
            order.listPrice(),
            order.insertionHours()),
        LocalDateTime.now(clock));
    audit.record(
        DeviceAudit.DEVICE_REFURBISHED,
        "Device",
        deviceId,
        "grade "
            + device.grade()
            + ", erasure "
            + device.erasure().method()
            + " certificate "
            + device.erasure().certificateId()
            + ", relay "
            + relay.id()
            + ", "
            + device.listPrice());
    return device;
  }

  public Device recycle(long deviceId, String reason) {
    requireRefurbisher();
    Device device = locked(deviceId);
    if (device.recycle(reason, LocalDateTime.now(clock))) {
      audit.record(DeviceAudit.DEVICE_RECYCLED, "Device", deviceId, reason);
    }
    return device;
  }

  /** Takes a device off sale, back to the workshop, with the reason (audited). */
  public Device withdraw(long deviceId, String reason) {
    requireRefurbisher();
    Device device = locked(deviceId);
    if (device.withdraw()) {
      audit.record(DeviceAudit.DEVICE_WITHDRAWN, "Device", deviceId, reason);
    }
    return device;
  }

  /** A new list price for a device on sale (audited with the old one). */
  public Device reprice(long deviceId, Money listPrice) {
    requireRefurbisher();
    Device device = locked(deviceId);
    Money before = device.listPrice();
    device.reprice(listPrice);
    if (!listPrice.equals(before)) {
      audit.record(
          DeviceAudit.DEVICE_REPRICED,
          "Device",
          deviceId,
          before.cents() + " -> " + listPrice.cents() + " cents");
    }
    return device;
  }

  /**
   * Deletes a device registered by mistake (scanned twice, the wrong lot), before anything depends
   * on it; audited with its serial number, so that it is not counted as recycled in the donor's and
   * the public impact. Anything further along is refused (409 {@code NOT_A_MISSCAN}): recycle or
   * withdraw it instead.
   */
  public void deleteMisScan(long deviceId, String reason) {
    requireRefurbisher();
    Device device = locked(deviceId);
    if (!device.isMisScan()) {
      throw BusinessException.conflict(
          "NOT_A_MISSCAN",
          "Only a device registered and not yet refurbished can be deleted as a mis-scan");
    }
    audit.record(
        DeviceAudit.DEVICE_DELETED_MISSCAN,
        "Device",
        deviceId,
        device.serialNumber() + " of donation " + device.donation().id() + ": " + reason);
    em.remove(device);
  }

  /** Devices waiting in the workshop (registered, not yet on sale nor recycled), newest first. */
  public List<Device> inWorkshop() {
    requireRefurbisher();
    return em.createNamedQuery("Device.findInWorkshop", Device.class)
        .setParameter("status", DeviceStatus.RECEIVED)
        .setParameter("workshop", caller.organisationId())
        .setMaxResults(500)
        .getResultList();
  }

  /**
   * Devices sold and brought back to the relays (RETURNED), newest return first, with their reason:
   * the workshop refurbishes them again or recycles them.
   */
  public List<Device> returned() {
    requireRefurbisher();
    return em.createNamedQuery("Device.findReturnedToWorkshop", Device.class)
        .setParameter("workshop", caller.organisationId())
        .setMaxResults(500)
        .getResultList();
  }

  /**
   * The device of the same category, brand and model this workshop refurbished last, whose specs
   * the next one's form can copy (a lot often holds many of one model).
   */
  public Optional<Device> previousOfModel(Device device) {
    requireRefurbisher();
    if (device.brand() == null || device.model() == null) {
      return Optional.empty();
    }
    return em.createNamedQuery("Device.findLastRefurbishedOfModel", Device.class)
        .setParameter("id", device.id())
        .setParameter("category", device.category())
        .setParameter("brand", device.brand())
        .setParameter("model", device.model())
        .setParameter("workshop", caller.organisationId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** What the donation pledged beside what was taken in of it, by category. */
  public PledgeCount pledgeCount(long donationId) {
    requireRefurbisher();
    Donation donation = donations.get(donationId);
    return PledgeCount.of(
        donation.items(), ofDonation(donationId).stream().map(Device::category).toList());
  }

  /** How many devices were taken in of each of these donations. */
  public Map<Long, Long> takenIn(List<Long> donationIds) {
    requireRefurbisher();
    if (donationIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> counts = new HashMap<>();
    em.createQuery(
            "select d.donation.id, count(d) from Device d where d.donation.id in :ids"
                + " group by d.donation.id",
            Object[].class)
        .setParameter("ids", donationIds)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /** The devices taken in from a lot assigned to the caller's workshop; any other is not found. */
  public List<Device> ofDonation(long donationId) {
    requireRefurbisher();
    donations.get(donationId);
    return em.createNamedQuery("Device.findOfDonationInWorkshop", Device.class)
        .setParameter("donation", donationId)
        .setParameter("workshop", caller.organisationId())
        .getResultList();
  }

  /** A device taken in by the caller's workshop; any other is not found. */
  public Device get(long deviceId) {
    return inThisWorkshop(deviceId, LockModeType.NONE);
  }

  /**
   * The device with its row locked until the act commits: acts on one device at once run one after
   * the other, and each finds the state the one before left (a second recycling answers the same, a
   * second refurbishment is refused as an illegal transition).
   */
  private Device locked(long deviceId) {
    return inThisWorkshop(deviceId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** A device of a lot assigned to the caller's workshop: any other device is not found. */
  private Device inThisWorkshop(long deviceId, LockModeType lock) {
    return em.createNamedQuery("Device.findOneInWorkshop", Device.class)
        .setParameter("id", deviceId)
        .setParameter("workshop", caller.organisationId())
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Device"));
  }

  private void requireRefurbisher() {
    if (!caller.hasRole(Roles.REFURBISHER)) {
      throw new BusinessException(403, "FORBIDDEN", "Your role does not allow this operation");
    }
  }

  private static BusinessException duplicate(String serial) {
    return BusinessException.conflict(
        "DUPLICATE_SERIAL", "A device with serial number " + serial + " is already registered");
  }

  /** SQLState 23505 is a unique violation on both H2 and PostgreSQL. */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
