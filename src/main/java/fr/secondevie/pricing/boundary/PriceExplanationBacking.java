package fr.secondevie.pricing.boundary;

import fr.secondevie.platform.boundary.I18n;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.pricing.control.PriceWords;
import fr.secondevie.pricing.control.Pricing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counter's "how this price is reached": the steps of a device's price for a person, said in
 * the language of the page (the API says them in French). One quote per device and request.
 */
@Named("priceExplanation")
@RequestScoped
public class PriceExplanationBacking {

  @Inject Pricing pricing;
  @Inject I18n i18n;

  private final Map<Long, List<String>> said = new HashMap<>();

  /** The sentences, or none when the device cannot be priced for this person any more. */
  public List<String> of(long deviceId, String beneficiaryId) {
    return said.computeIfAbsent(deviceId, id -> sentences(id, beneficiaryId));
  }

  private List<String> sentences(long deviceId, String beneficiaryId) {
    try {
      return PriceWords.sentences(
          pricing.quote(deviceId, beneficiaryId).explanation(), i18n.getLocale());
    } catch (BusinessException e) {
      return List.of();
    }
  }
}
