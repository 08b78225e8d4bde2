package fr.secondevie.pricing.control;

import fr.secondevie.platform.entity.Money;
import java.util.List;
import java.util.Objects;

/**
 * One step of a price's explanation, as data: what the step did, the amount it came to and the
 * numbers it quotes (the tier and the discount's percentage for {@link Kind#DISCOUNT}). The words
 * are not here but in the bundles, under {@link #key()}, so the counter reads them in its own
 * language and the API in French ({@link PriceWords}).
 */
public record PriceStep(Kind kind, Money amount, List<Integer> args) {

  /** The steps of the engine, in the order it may take them. */
  public enum Kind {
    /** The list price, where the calculation starts. */
    LIST_PRICE,
    /** The tier's discount, rounded down to the euro; args: tier, percent off. */
    DISCOUNT,
    /** The price raised to the category's floor. */
    FLOOR,
    /** The price brought back to the list price. */
    LIST_PRICE_CEILING,
    /** A public body's device: the price brought down to the legal cap. */
    LEGAL_CAP_APPLIED,
    /** A public body's device: the price is under the legal cap. */
    LEGAL_CAP_RESPECTED,
    /** What the person pays. */
    TO_PAY
  }

  public PriceStep {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(amount);
    args = List.copyOf(args);
  }

  PriceStep(Kind kind, Money amount) {
    this(kind, amount, List.of());
  }

  /** The bundle key of the step's sentence, e.g. {@code price.step.DISCOUNT}. */
  public String key() {
    return "price.step." + kind.name();
  }
}
