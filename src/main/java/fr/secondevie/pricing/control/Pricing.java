package fr.secondevie.pricing.control;

import fr.secondevie.devices.control.CatalogueQueries;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.pricing.control.PriceEngine.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The price of a device for a person at the counter: the device must be on sale at the caller's
 * relay (another relay's device is not found), the person eligible today; the tier of the decision
 * in force drives the engine.
 */
@ApplicationScoped
public class Pricing {

  @Inject CatalogueQueries devices;
  @Inject Beneficiaries beneficiaries;
  @Inject PricingRules rules;
  @Inject Caller caller;

  public Quote quote(long deviceId, String beneficiaryId) {
    Device device =
        devices
            .detail(deviceId)
            .filter(d -> d.relayId() != null && d.relayId() == caller.organisationId())
            .orElseThrow(() -> BusinessException.notFound("Device"));
    if (device.status() != DeviceStatus.AVAILABLE) {
      throw BusinessException.conflict("DEVICE_UNAVAILABLE", "This device is not on sale");
    }
    Beneficiaries.Eligibility eligibility = beneficiaries.eligibility(beneficiaryId);
    if (!eligibility.eligible()) {
      throw BusinessException.unprocessable("NOT_ELIGIBLE", "This person is not eligible today");
    }
    return rules
        .engine()
        .quote(device.listPrice(), device.category(), eligibility.tier(), device.publicOrigin());
  }
}
