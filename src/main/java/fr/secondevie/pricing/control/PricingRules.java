package fr.secondevie.pricing.control;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.pricing.control.PriceEngine.Discount;
import fr.secondevie.pricing.control.PriceEngine.TierCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pricing rules in force (the highest version) and the legal caps, as a {@link PriceEngine}.
 * Rows of a category the vocabulary does not know are left out: no device can ask for them.
 */
@ApplicationScoped
public class PricingRules {

  @PersistenceContext EntityManager em;

  /** The engine of the pricing version in force, built once per version and instance. */
  private record Built(int version, PriceEngine engine) {}

  private volatile Built built;

  /**
   * The engine of the rules in force. A pricing version is never edited (a change adds the next
   * one), so the engine built for a version is kept, and one cheap query tells whether a newer
   * version was published, on this instance or another.
   */
  public PriceEngine engine() {
    int version =
        ((Number)
                em.createNativeQuery("select coalesce(max(version), 0) from pricing_rule")
                    .getSingleResult())
            .intValue();
    Built known = built;
    if (known != null && known.version() == version) {
      return known.engine();
    }
    PriceEngine engine = build(version);
    built = new Built(version, engine);
    return engine;
  }

  private PriceEngine build(int version) {
    Map<TierCategory, Discount> discounts = new HashMap<>();
    List<?> rows =
        em.createNativeQuery(
                "select tier, category, percent_off, floor_cents from pricing_rule"
                    + " where version = ?")
            .setParameter(1, version)
            .getResultList();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      int tier = ((Number) r[0]).intValue();
      Discount discount =
          new Discount(((Number) r[2]).intValue(), Money.ofCents(((Number) r[3]).longValue()));
      DeviceCategory.named((String) r[1])
          .ifPresent(category -> discounts.put(new TierCategory(tier, category), discount));
    }
    Map<DeviceCategory, Money> caps = new EnumMap<>(DeviceCategory.class);
    for (Object row :
        em.createNativeQuery("select category, cap_cents from legal_price_cap").getResultList()) {
      Object[] r = (Object[]) row;
      Money cap = Money.ofCents(((Number) r[1]).longValue());
      DeviceCategory.named((String) r[0]).ifPresent(category -> caps.put(category, cap));
    }
    return PriceEngine.of(discounts, caps);
  }
}
