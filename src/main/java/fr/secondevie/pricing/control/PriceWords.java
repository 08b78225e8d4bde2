package fr.secondevie.pricing.control;

import fr.secondevie.platform.entity.Money;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A price's explanation in words, from the bundles: each {@link PriceStep} is the sentence of its
 * key, with the amount as {0} and the step's numbers as {1}, {2}... French is the language of the
 * API's {@code explanation}; the counter's pages use the language of the page.
 */
public final class PriceWords {

  private static final String BUNDLE = "fr.secondevie.i18n.messages";

  private PriceWords() {}

  /** One sentence per step. */
  public static List<String> sentences(List<PriceStep> steps, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    return steps.stream().map(step -> sentence(bundle, step, locale)).toList();
  }

  /** The sentences one after the other, as the API gives them. */
  public static String text(List<PriceStep> steps, Locale locale) {
    return String.join(" ", sentences(steps, locale));
  }

  private static String sentence(ResourceBundle bundle, PriceStep step, Locale locale) {
    Object[] values = new Object[step.args().size() + 1];
    values[0] = euros(step.amount());
    for (int i = 0; i < step.args().size(); i++) {
      values[i + 1] = step.args().get(i).toString();
    }
    return new MessageFormat(bundle.getString(step.key()), locale).format(values);
  }

  /**
   * "450,00 €" in either language, as the counter's pages write every amount (with plain spaces, as
   * the API has always written them).
   */
  private static String euros(Money money) {
    return money.format(Locale.FRANCE).replace('\u202f', ' ').replace('\u00a0', ' ');
  }
}
