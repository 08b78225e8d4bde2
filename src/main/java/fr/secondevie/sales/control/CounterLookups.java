package fr.secondevie.sales.control;

import fr.secondevie.devices.control.CounterDevices;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.pricing.control.PriceEngine;
import fr.secondevie.pricing.control.PriceStep;
import fr.secondevie.pricing.control.PricingRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the counter looks up before an order exists: the sale screen's preview of a person and the
 * devices scanned for them, with the price this person would pay, and the relay's mediation
 * services. Nothing is reserved here; {@link OrderOpening} checks everything again under locks.
 */
@ApplicationScoped
public class CounterLookups {

  /** A service the counter can add to an order, with its price. */
  public record ServiceOffer(
      long id, String name, int durationMinutes, long priceCents, boolean gettingStarted) {}

  /** A device scanned but not reserved yet, with the price this person would pay. */
  public record DevicePreview(
      long deviceId,
      String category,
      String label,
      String serialNumber,
      String grade,
      long listPriceCents,
      long priceCents,
      List<PriceStep> explanation) {}

  /**
   * The sale screen before the order: the person's eligibility (null when no such person), and when
   * eligible the relay's services and the devices on sale here among those scanned, priced.
   *
   * @param scanNotFound whether the last scan found no device on sale here
   * @param suggested devices on sale here of the category the social worker advised, not scanned
   */
  public record Preview(
      Beneficiaries.Eligibility eligibility,
      List<ServiceOffer> services,
      List<DevicePreview> devices,
      boolean scanNotFound,
      List<DevicePreview> suggested) {

    public boolean personNotFound() {
      return eligibility == null;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Beneficiaries beneficiaries;
  @Inject CounterDevices devices;
  @Inject PricingRules pricing;
  @Inject Caller caller;

  /**
   * The preview of a sale for a person and the devices scanned so far (each read once), with one
   * more scan (a serial number or a device number, may be null) added when it is on sale here.
   * Devices no longer on sale here drop out.
   */
  public Preview preview(String person, List<Long> deviceIds, String scanned) {
    Beneficiaries.Eligibility eligibility;
    try {
      eligibility = beneficiaries.eligibility(person);
    } catch (BusinessException e) {
      return new Preview(null, List.of(), List.of(), false, List.of());
    }
    if (!eligibility.eligible()) {
      return new Preview(eligibility, List.of(), List.of(), false, List.of());
    }
    long relayId = caller.organisationId();
    List<Long> wanted = new ArrayList<>(deviceIds.stream().distinct().toList());
    Optional<Long> found =
        scanned == null ? Optional.empty() : devices.findOnSaleAt(scanned, relayId);
    found.filter(id -> !wanted.contains(id)).ifPresent(wanted::add);
    PriceEngine engine = pricing.engine();
    List<DevicePreview> previews =
        devices.onSaleAt(wanted, relayId).stream()
            .map(device -> preview(device, engine, eligibility.tier()))
            .toList();
    List<DevicePreview> suggested =
        eligibility.recommendedCategory() == null
            ? List.of()
            : devices
                .ofCategoryOnSaleAt(
                    eligibility.recommendedCategory(), relayId, SUGGESTED + wanted.size())
                .stream()
                .filter(d -> !wanted.contains(d.id()))
                .limit(SUGGESTED)
                .map(device -> preview(device, engine, eligibility.tier()))
                .toList();
    return new Preview(
        eligibility, servicesHere(), previews, scanned != null && found.isEmpty(), suggested);
  }

  /** How many devices of the advised category the sale screen suggests. */
  static final int SUGGESTED = 5;

  /** The relay's mediation services, for a sale of services without a file (bearer passes). */
  public List<ServiceOffer> servicesHere() {
    return em.createNamedQuery("MediationService.findOfRelay", MediationService.class)
        .setParameter("relay", caller.organisationId())
        .getResultStream()
        .map(
            s ->
                new ServiceOffer(
                    s.id(), s.name(), s.durationMinutes(), s.price().cents(), s.isGettingStarted()))
        .toList();
  }

  private static DevicePreview preview(Device device, PriceEngine engine, int tier) {
    PriceEngine.Quote quote =
        engine.quote(device.listPrice(), device.category(), tier, device.publicOrigin());
    return new DevicePreview(
        device.id(),
        device.category().name(),
        device.brandAndModel(),
        device.serialNumber(),
        device.grade() == null ? null : device.grade().name(),
        quote.listPrice().cents(),
        quote.price().cents(),
        quote.explanation());
  }
}
