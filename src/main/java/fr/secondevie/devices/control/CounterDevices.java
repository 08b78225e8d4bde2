package fr.secondevie.devices.control;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The devices a relay counter sells, as sales asks for them: found by what the counter scanned,
 * read for the sale screen, reserved for an order, released when it is given up, sold when it is
 * paid. Every change locks the device rows (PESSIMISTIC_WRITE) in id order inside the caller's
 * transaction: two orders taking devices never wait on each other in a circle, and of two orders
 * for one device only the first to lock it finds it AVAILABLE.
 */
@ApplicationScoped
public class CounterDevices {

  @PersistenceContext EntityManager em;

  /**
   * Locks the devices in id order and returns them in the order asked. A device unknown or not at
   * this relay is 404 Device.
   */
  public List<Device> lockAtRelay(Collection<Long> ids, long relayId) {
    Map<Long, Device> locked = new HashMap<>();
    for (Long id : new TreeSet<>(ids)) {
      locked.put(
          id,
          Optional.ofNullable(em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE))
              .filter(d -> atRelay(d, relayId))
              .orElseThrow(() -> BusinessException.notFound("Device")));
    }
    return ids.stream().map(locked::get).toList();
  }

  /**
   * Reserves devices locked by {@link #lockAtRelay} for an open order. One sold or held by another
   * order is 409 DEVICE_UNAVAILABLE, and the caller's transaction rolls back.
   */
  public void reserve(List<Device> locked, LocalDateTime at) {
    for (Device device : locked) {
      if (device.status() != DeviceStatus.AVAILABLE) {
        throw BusinessException.conflict(
            "DEVICE_UNAVAILABLE",
            "Device " + device.serialNumber() + " is sold or in another order");
      }
      device.reserve(at);
    }
  }

  /** The order holding these devices was given up: those still RESERVED are on sale again. */
  public void release(Collection<Long> ids) {
    for (Long id : new TreeSet<>(ids)) {
      Device device = em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (device.status() == DeviceStatus.RESERVED) {
        device.release();
      }
    }
  }

  /** The order holding these devices is paid: each becomes SOLD. */
  public void sell(Collection<Long> ids, LocalDateTime at) {
    for (Long id : new TreeSet<>(ids)) {
      em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE).sell(at);
    }
  }

  /**
   * A device of a paid order was brought back to the relay: locked, it goes from SOLD back to its
   * workshop as RETURNED with the reason and the note (anything else is 409 ILLEGAL_TRANSITION).
   */
  public void returnFromSale(long id, String reason, String note, LocalDateTime at) {
    Device device = em.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (device == null) {
      throw BusinessException.notFound("Device");
    }
    device.returnFromSale(reason, note, at);
  }

  /**
   * The device a counter scanned (its serial number's barcode, or its number typed), if it is on
   * sale at that relay.
   */
  public Optional<Long> findOnSaleAt(String scanned, long relayId) {
    if (scanned == null || scanned.isBlank()) {
      return Optional.empty();
    }
    List<Device> found =
        em.createNamedQuery("Device.findBySerial", Device.class)
            .setParameter("serial", Device.normaliseSerial(scanned))
            .getResultList();
    if (found.isEmpty() && scanned.trim().matches("\\d{1,12}")) {
      found =
          Optional.ofNullable(em.find(Device.class, Long.valueOf(scanned.trim())))
              .map(List::of)
              .orElse(List.of());
    }
    return found.stream()
        .filter(d -> d.status() == DeviceStatus.AVAILABLE)
        .filter(d -> atRelay(d, relayId))
        .map(Device::id)
        .findFirst();
  }

  /**
   * The devices among these on sale at that relay, read once in one query without a lock, in the
   * order asked; the others (unknown, elsewhere, sold or held) are left out.
   */
  public List<Device> onSaleAt(Collection<Long> ids, long relayId) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Device> found = new HashMap<>();
    em.createQuery(
            "select d from Device d left join fetch d.relay where d.id in :ids", Device.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultStream()
        .filter(d -> d.status() == DeviceStatus.AVAILABLE && atRelay(d, relayId))
        .forEach(d -> found.put(d.id(), d));
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  /**
   * Up to {@code max} devices of a category on sale at that relay, the cheapest first (what the
   * sale screen suggests when the social worker advised that category).
   */
  public List<Device> ofCategoryOnSaleAt(
      fr.secondevie.platform.entity.DeviceCategory category, long relayId, int max) {
    return em.createQuery(
            "select d from Device d where d.relay.id = :relay and d.category = :category"
                + " and d.status = :available order by d.listPrice, d.id",
            Device.class)
        .setParameter("relay", relayId)
        .setParameter("category", category)
        .setParameter("available", DeviceStatus.AVAILABLE)
        .setMaxResults(max)
        .getResultList();
  }

  private static boolean atRelay(Device device, long relayId) {
    return Objects.equals(device.relayId(), relayId);
  }
}
