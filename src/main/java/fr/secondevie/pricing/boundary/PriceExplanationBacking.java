package fr.secondevie.pricing.boundary;

import fr.secondevie.platform.boundary.I18n;
import fr.secondevie.pricing.control.PriceStep;
import fr.secondevie.pricing.control.PriceWords;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The counter's "how this price is reached": the steps of a quote the page already has, said in the
 * language of the page (the API says them in French).
 */
@Named("priceExplanation")
@RequestScoped
public class PriceExplanationBacking {

  @Inject I18n i18n;

  /** The sentences of these steps (none when there are none). */
  public List<String> of(List<PriceStep> steps) {
    return steps == null ? List.of() : PriceWords.sentences(steps, i18n.getLocale());
  }
}
