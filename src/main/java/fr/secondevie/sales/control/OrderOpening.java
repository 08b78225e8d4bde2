package fr.secondevie.sales.control;

import fr.secondevie.devices.control.CounterDevices;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.eligibility.entity.Beneficiary;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.pricing.control.PriceEngine;
import fr.secondevie.pricing.control.PricingRules;
import fr.secondevie.sales.entity.OrderLine;
import fr.secondevie.sales.entity.SaleOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens an order at the counter: the person eligible today with quota left, the devices reserved at
 * solidarity prices for the person's tier, the relay's mediation services at their price.
 */
@ApplicationScoped
public class OrderOpening {

  /** A mediation service asked for, and how many times. */
  public record ServiceRequest(long serviceId, int quantity) {}

  @PersistenceContext EntityManager em;
  @Inject Beneficiaries beneficiaries;
  @Inject CounterDevices devices;
  @Inject PricingRules pricing;
  @Inject Orders orders;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * Opens an order at the caller's relay: for devices, the person must be eligible today with quota
   * left for every device (422 NOT_ELIGIBLE, QUOTA_EXCEEDED); mediation services alone need no
   * person ({@code beneficiaryId} null) nor eligibility; each device on sale at this relay (another
   * relay's is not found; one sold or held by another order is 409 DEVICE_UNAVAILABLE). Devices
   * become RESERVED, prices come from the pricing engine with the person's tier.
   */
  @Transactional
  @CheckoutStep("open")
  public OrderSummary open(
      String beneficiaryId, List<Long> deviceIds, List<ServiceRequest> services) {
    long relayId = caller.organisationId();
    LocalDateTime now = LocalDateTime.now(clock);
    String person =
        beneficiaryId == null || beneficiaryId.isBlank()
            ? null
            : Beneficiary.normalise(beneficiaryId);
    // mediation services alone need no eligibility, nor even a file (bearer passes pay them)
    Beneficiaries.Eligibility eligibility =
        person == null ? null : beneficiaries.eligibility(person);
    if (!deviceIds.isEmpty() && (eligibility == null || !eligibility.eligible())) {
      throw BusinessException.unprocessable("NOT_ELIGIBLE", "This person is not eligible today");
    }
    List<Device> locked = deviceIds.isEmpty() ? List.of() : devices.lockAtRelay(deviceIds, relayId);
    if (!locked.isEmpty()) {
      requireQuota(eligibility, locked);
      devices.reserve(locked, now);
    }
    PriceEngine engine = pricing.engine();
    List<OrderLine> lines = new ArrayList<>();
    for (Device device : locked) {
      lines.add(
          line(
              device,
              engine.quote(
                  device.listPrice(),
                  device.category(),
                  eligibility.tier(),
                  device.publicOrigin())));
    }
    for (ServiceRequest request : services) {
      MediationService service = em.find(MediationService.class, request.serviceId());
      if (service == null || !Objects.equals(service.relay().id(), relayId)) {
        throw BusinessException.notFound("Service");
      }
      lines.add(
          OrderLine.service(service.id(), service.name(), request.quantity(), service.price()));
    }
    SaleOrder order = new SaleOrder(relayId, person, caller.username(), now, lines);
    em.persist(order);
    em.flush();
    audit.record(
        "ORDER_OPENED",
        "SaleOrder",
        order.id(),
        lines.size() + " lines, " + order.total().cents() + " cents");
    return orders.summary(order);
  }

  private static void requireQuota(Beneficiaries.Eligibility eligibility, List<Device> devices) {
    Map<DeviceCategory, Integer> wanted = new EnumMap<>(DeviceCategory.class);
    devices.forEach(d -> wanted.merge(d.category(), 1, Integer::sum));
    wanted.forEach(
        (category, count) -> {
          if (eligibility.devicesLeftByCategory().getOrDefault(category, 0) < count) {
            throw BusinessException.unprocessable(
                "QUOTA_EXCEEDED", "This person's quota of " + category + " is used up");
          }
        });
  }

  private static OrderLine line(Device device, PriceEngine.Quote quote) {
    return OrderLine.device(
        device.id(),
        device.brandAndModel().isEmpty() ? device.category().name() : device.brandAndModel(),
        device.category(),
        device.serialNumber(),
        device.grade(),
        quote.listPrice(),
        quote.price());
  }
}
