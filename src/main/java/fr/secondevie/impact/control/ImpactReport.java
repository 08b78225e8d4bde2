package fr.secondevie.impact.control;

import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the impact of a period, for the whole chain or for one donor company's donations:
 * devices sold are reused, devices recycled are counted apart, and each reused device avoids its
 * category's factor of CO2e and raw materials. Totals are the sums of the categories, to the
 * hundredth of a kilogram.
 */
@ApplicationScoped
public class ImpactReport {

  /** One category's share. */
  public record CategoryImpact(
      DeviceCategory category,
      long reused,
      long recycled,
      BigDecimal kgCo2eFactor,
      BigDecimal kgRawMaterialsFactor,
      BigDecimal kgCo2eAvoided,
      BigDecimal kgRawMaterialsAvoided,
      String source) {}

  /** The impact of a period. */
  public record Impact(
      LocalDate from,
      LocalDate to,
      long devicesReused,
      long devicesRecycled,
      long peopleEquipped,
      BigDecimal kgCo2eAvoided,
      BigDecimal kgRawMaterialsAvoided,
      List<CategoryImpact> byCategory,
      String factorsSource) {}

  /** The source of the factors, as every report cites it. */
  public static final String FACTORS_SOURCE =
      "ADEME 2022 — impacts évités par an d'usage d'un appareil reconditionné plutôt que neuf";

  @PersistenceContext EntityManager em;

  /** The period's impact; {@code donorId} restricts it to that company's donations. */
  public Impact of(LocalDate from, LocalDate to, Optional<Long> donorId) {
    return of(from, to, donorId, Optional.empty());
  }

  /** The impact of one donation of a donor company, whatever the dates. */
  public Impact ofDonation(long donorId, long donationId) {
    return of(
        LocalDate.of(2000, 1, 1),
        LocalDate.of(2999, 12, 31),
        Optional.of(donorId),
        Optional.of(donationId));
  }

  private Impact of(
      LocalDate from, LocalDate to, Optional<Long> donorId, Optional<Long> donationId) {
    String donor =
        donorId.isPresent()
            ? " and d.donor_id = ?3" + (donationId.isPresent() ? " and d.donation_id = ?4" : "")
            : "";
    Map<DeviceCategory, long[]> counts = new EnumMap<>(DeviceCategory.class);
    Query devices =
        em.createNativeQuery(
            "select d.category,"
                + " sum(case when d.status = 'SOLD' and d.sold_at >= ?1 and d.sold_at < ?2"
                + " then 1 else 0 end),"
                + " sum(case when d.status = 'RECYCLED' and d.recycled_at >= ?1"
                + " and d.recycled_at < ?2 then 1 else 0 end)"
                + " from device_fate d where d.status in ('SOLD', 'RECYCLED')"
                + donor
                + " group by d.category");
    bind(devices, from, to, donorId);
    donationId.ifPresent(id -> devices.setParameter(4, id));
    for (Object row : devices.getResultList()) {
      Object[] r = (Object[]) row;
      counts.put(DeviceCategory.valueOf((String) r[0]), new long[] {number(r[1]), number(r[2])});
    }
    List<CategoryImpact> categories = convert(counts);
    BigDecimal co2 = sum(categories, CategoryImpact::kgCo2eAvoided);
    BigDecimal materials = sum(categories, CategoryImpact::kgRawMaterialsAvoided);
    long reused = categories.stream().mapToLong(CategoryImpact::reused).sum();
    long recycled = categories.stream().mapToLong(CategoryImpact::recycled).sum();
    Query people =
        em.createNativeQuery(
            "select count(distinct q.beneficiary_id) from equipment_given q"
                + " where q.used_at >= ?1 and q.used_at < ?2"
                + (donorId.isPresent()
                    ? " and q.reference in (select cast(d.device_id as varchar(60))"
                        + " from device_fate d where d.donor_id = ?3"
                        + (donationId.isPresent() ? " and d.donation_id = ?4" : "")
                        + ")"
                    : ""));
    bind(people, from, to, donorId);
    donationId.ifPresent(id -> people.setParameter(4, id));
    long equipped = number(people.getSingleResult());
    return new Impact(
        from, to, reused, recycled, equipped, co2, materials, categories, FACTORS_SOURCE);
  }

  /**
   * Each category's devices reused and recycled ({@code counts}: reused, recycled), converted with
   * the factors kept in {@code impact_factor}: every category of the table, in its order, none for
   * a category without a published factor.
   */
  public List<CategoryImpact> convert(Map<DeviceCategory, long[]> counts) {
    List<CategoryImpact> categories = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select category, kg_co2e_avoided, kg_raw_materials_avoided, source"
                    + " from impact_factor order by category")
            .getResultList()) {
      Object[] r = (Object[]) row;
      DeviceCategory category = DeviceCategory.valueOf((String) r[0]);
      long[] count = counts.getOrDefault(category, new long[2]);
      BigDecimal co2Factor = decimal(r[1]);
      BigDecimal materialsFactor = decimal(r[2]);
      categories.add(
          new CategoryImpact(
              category,
              count[0],
              count[1],
              co2Factor,
              materialsFactor,
              times(co2Factor, count[0]),
              times(materialsFactor, count[0]),
              (String) r[3]));
    }
    return categories;
  }

  /** The categories' sum of one quantity, to the hundredth. */
  public static BigDecimal sum(
      List<CategoryImpact> categories, java.util.function.Function<CategoryImpact, BigDecimal> of) {
    return categories.stream().map(of).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static void bind(Query query, LocalDate from, LocalDate to, Optional<Long> donorId) {
    query.setParameter(1, from.atStartOfDay());
    query.setParameter(2, to.plusDays(1).atStartOfDay());
    donorId.ifPresent(id -> query.setParameter(3, id));
  }

  private static BigDecimal times(BigDecimal factor, long count) {
    return factor == null
        ? BigDecimal.ZERO.setScale(2)
        : factor.multiply(BigDecimal.valueOf(count)).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal(Object value) {
    return value == null
        ? null
        : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
