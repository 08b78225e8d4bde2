package fr.secondevie.pricing.control;

import fr.secondevie.platform.entity.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The price calculation, with no database and no clock: given the rules, a list price, a category,
 * a tier and whether a public body donated the device, the solidarity price and the sentences that
 * explain it. In order: the tier's discount, rounded down to the euro (in the buyer's favour),
 * raised to the floor, never above the list price, never above the legal cap.
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
  public record TierCategory(int tier, String category) {}

  /** A price and how it came about. */
  public record Quote(
      Money listPrice, Money price, int tier, Optional<Money> cap, List<String> explanation) {
    public String explanationText() {
      return String.join(" ", explanation);
    }
  }

  private final Map<TierCategory, Discount> discounts;
  private final Map<String, Money> legalCaps;

  public PriceEngine(Map<TierCategory, Discount> discounts, Map<String, Money> legalCaps) {
    this.discounts = Map.copyOf(discounts);
    this.legalCaps = Map.copyOf(legalCaps);
  }

  public Quote quote(Money listPrice, String category, int tier, boolean publicOrigin) {
    if (listPrice.isNegative()) {
      throw new IllegalArgumentException("A list price is not negative");
    }
    Discount discount = discounts.get(new TierCategory(tier, category));
    if (discount == null) {
      throw new IllegalArgumentException("No price rule for tier " + tier + " and " + category);
    }
    List<String> words = new ArrayList<>();
    words.add("Prix catalogue : " + euros(listPrice) + ".");
    Money discounted =
        listPrice.percent(BigDecimal.valueOf(100 - discount.percentOff()), RoundingMode.DOWN);
    Money price = discounted.roundToEuro(RoundingMode.DOWN);
    words.add(
        "Niveau d'aide "
            + tier
            + " : remise de "
            + discount.percentOff()
            + " %, arrondie à l'euro inférieur, soit "
            + euros(price)
            + ".");
    if (price.compareTo(discount.floor()) < 0) {
      price = discount.floor();
      words.add("Prix minimum pour cet appareil : " + euros(price) + ".");
    }
    if (price.isGreaterThan(listPrice)) {
      price = listPrice;
      words.add("Jamais plus que le prix catalogue : " + euros(price) + ".");
    }
    Optional<Money> cap =
        publicOrigin ? Optional.ofNullable(legalCaps.get(category)) : Optional.empty();
    if (cap.isPresent()) {
      if (price.isGreaterThan(cap.get())) {
        price = cap.get();
        words.add(
            "Appareil donné par un organisme public : le prix est ramené au plafond légal de "
                + euros(cap.get())
                + ".");
      } else {
        words.add(
            "Appareil donné par un organisme public : le plafond légal de "
                + euros(cap.get())
                + " est respecté.");
      }
    }
    words.add("Prix à payer : " + euros(price) + ".");
    return new Quote(listPrice, price, tier, cap, List.copyOf(words));
  }

  private static String euros(Money money) {
    return money.format(Locale.FRANCE).replace('\u202f', ' ').replace('\u00a0', ' ');
  }
}
