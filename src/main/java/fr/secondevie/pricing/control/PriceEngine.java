package fr.secondevie.pricing.control;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.pricing.control.PriceStep.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The price calculation, with no database and no clock: given the rules, a list price, a category,
 * a tier and whether a public body donated the device, the solidarity price and the steps that
 * explain it. In order: the tier's discount, rounded down to the euro (in the buyer's favour),
 * raised to the floor, never above the list price, never above the legal cap. The steps are data
 * ({@link PriceStep}); {@link PriceWords} says them in a language.
 */
public final class PriceEngine {

  /** The discount and floor of one tier for one category. */
  public record Discount(int percentOff, Money floor) {
    public Discount {
      if (percentOff < 0 || percentOff > 100 || floor.isNegative()) {
        throw new IllegalArgumentException("A discount is 0 to 100 % with a floor of 0 or more");
      }
    }
  }

  /** The key of a discount. */
  public record TierCategory(int tier, DeviceCategory category) {}

  /** A price and the steps of its calculation. */
  public record Quote(
      Money listPrice, Money price, int tier, Optional<Money> cap, List<PriceStep> explanation) {

    /** The explanation in French, the language of the API. */
    public String explanationText() {
      return PriceWords.text(explanation, Locale.FRENCH);
    }
  }

  private final Map<TierCategory, Discount> discounts;
  private final Map<DeviceCategory, Money> legalCaps;

  private PriceEngine(
      Map<TierCategory, Discount> discounts, EnumMap<DeviceCategory, Money> legalCaps) {
    this.discounts = Map.copyOf(discounts);
    this.legalCaps = legalCaps;
  }

  /** The engine of these rules and legal caps. */
  public static PriceEngine of(
      Map<TierCategory, Discount> discounts, Map<DeviceCategory, Money> legalCaps) {
    EnumMap<DeviceCategory, Money> caps = new EnumMap<>(DeviceCategory.class);
    caps.putAll(legalCaps);
    return new PriceEngine(discounts, caps);
  }

  public Quote quote(Money listPrice, DeviceCategory category, int tier, boolean publicOrigin) {
    if (listPrice.isNegative()) {
      throw new IllegalArgumentException("A list price is not negative");
    }
    Discount discount = discounts.get(new TierCategory(tier, category));
    if (discount == null) {
      throw new IllegalArgumentException("No price rule for tier " + tier + " and " + category);
    }
    List<PriceStep> steps = new ArrayList<>();
    steps.add(new PriceStep(Kind.LIST_PRICE, listPrice));
    Money discounted =
        listPrice.percent(BigDecimal.valueOf(100 - discount.percentOff()), RoundingMode.DOWN);
    Money price = discounted.roundToEuro(RoundingMode.DOWN);
    steps.add(new PriceStep(Kind.DISCOUNT, price, List.of(tier, discount.percentOff())));
    if (price.compareTo(discount.floor()) < 0) {
      price = discount.floor();
      steps.add(new PriceStep(Kind.FLOOR, price));
    }
    if (price.isGreaterThan(listPrice)) {
      price = listPrice;
      steps.add(new PriceStep(Kind.LIST_PRICE_CEILING, price));
    }
    Optional<Money> cap =
        publicOrigin ? Optional.ofNullable(legalCaps.get(category)) : Optional.empty();
    if (cap.isPresent()) {
      if (price.isGreaterThan(cap.get())) {
        price = cap.get();
        steps.add(new PriceStep(Kind.LEGAL_CAP_APPLIED, cap.get()));
      } else {
        steps.add(new PriceStep(Kind.LEGAL_CAP_RESPECTED, cap.get()));
      }
    }
    steps.add(new PriceStep(Kind.TO_PAY, price));
    return new Quote(listPrice, price, tier, cap, List.copyOf(steps));
  }
}
