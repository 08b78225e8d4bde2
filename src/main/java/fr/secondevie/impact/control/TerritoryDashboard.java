package fr.secondevie.impact.control;

import fr.secondevie.impact.control.DemandFigures.CategoryDemand;
import fr.secondevie.impact.control.DemandFigures.Demand;
import fr.secondevie.impact.control.ImpactReport.CategoryImpact;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A territory's year as its coordination, its funders and the national coordination read it: supply
 * (what was pledged, received, refurbished, recycled, reused), demand (people diagnosed, eligible,
 * equipped, waiting), each workshop's capacity and use, the vouchers of its funders, and the triple
 * impact — environmental (ADEME factors of {@code impact_factor}, as the public impact uses),
 * social (people equipped, trainings given) and economic (insertion work hours and the full-time
 * equivalents they make).
 *
 * <p>Everything is read from the read models the capabilities publish, scoped to the territory in
 * each query: a device by its donor's territory, a person by its social structure's, a voucher by
 * its funder's, a training by its relay's. A handful of aggregate queries, each one pass over the
 * territory's rows (src/test/bench/dashboard-bench.sh: 100,000 devices and 1,000,000 redemptions).
 */
@ApplicationScoped
public class TerritoryDashboard {

  /**
   * The annual working time of one full-time job in France: 1,607 hours (Code du travail, article
   * L3121-41, the reference duration of a year's work under an annual agreement of 35 hours a
   * week). Insertion hours divided by it give the full-time equivalents.
   */
  public static final int HOURS_PER_FTE = 1607;

  public static final String HOURS_PER_FTE_SOURCE =
      "Code du travail, article L3121-41 : durée annuelle de référence de 1 607 heures";

  /** One category's supply in the year. */
  public record CategorySupply(
      DeviceCategory category,
      long pledgedItems,
      long received,
      long refurbished,
      long recycled,
      long reused) {}

  /** The supply of the year: devices pledged by donors, and what the workshops made of them. */
  public record Supply(
      long pledgedItems,
      long received,
      long refurbished,
      long recycled,
      long reused,
      List<CategorySupply> byCategory) {}

  /**
   * A workshop's year: its monthly capacity (null: none stated), what the months of the year so far
   * allow, the devices it took in and refurbished, the insertion hours it recorded, and the share
   * of its capacity used (null without a capacity).
   */
  public record WorkshopUse(
      long id,
      String name,
      Integer monthlyCapacity,
      Long capacityInPeriod,
      long takenIn,
      long refurbished,
      BigDecimal insertionHours,
      Integer usePercent) {}

  /**
   * The vouchers of the territory's funders: issued in the year, redeemed in it (the funders'
   * shares net of the returns' reversals dated in it), and outstanding at its end (issued, neither
   * redeemed, cancelled nor expired by then).
   */
  public record Vouchers(
      long issued,
      long redeemed,
      long redeemedAppliedCents,
      long reversedCents,
      long outstanding) {}

  /** The triple impact of the year. */
  public record Impact(
      BigDecimal kgCo2eAvoided,
      BigDecimal kgRawMaterialsAvoided,
      long devicesReused,
      long devicesRecycled,
      long peopleEquipped,
      long trainingsGiven,
      BigDecimal insertionHours,
      BigDecimal fullTimeEquivalents,
      int hoursPerFte,
      String hoursPerFteSource,
      String factorsSource,
      List<CategoryImpact> byCategory) {}

  /** The dashboard of one territory and year. */
  public record Dashboard(
      long territoryId,
      String territoryCode,
      String territoryName,
      int year,
      LocalDate from,
      LocalDate to,
      boolean yearUnderWay,
      Supply supply,
      Demand demand,
      List<WorkshopUse> workshops,
      Vouchers vouchers,
      Impact impact) {}

  @PersistenceContext EntityManager em;
  @Inject ImpactReport factors;
  @Inject Directory directory;
  @Inject Clock clock;

  /** The territory's dashboard of {@code year}. */
  public Dashboard of(Territory territory, int year) {
    LocalDateTime from = LocalDate.of(year, 1, 1).atStartOfDay();
    LocalDateTime end = from.plusYears(1);
    LocalDateTime now = LocalDateTime.now(clock);
    boolean underWay = now.isBefore(end) && !now.isBefore(from);
    LocalDateTime asOf = now.isBefore(end) ? now : end;
    long id = territory.id();

    Map<DeviceCategory, long[]> devices = new EnumMap<>(DeviceCategory.class);
    Map<Long, long[]> takenIn = new HashMap<>();
    Map<Long, BigDecimal[]> refurbishedBy = new HashMap<>();
    Query q =
        em.createNativeQuery(
            "select d.category, d.workshop_id, d.refurbisher_id,"
                + " sum(case when d.received_at >= ?1 and d.received_at < ?2 then 1 else 0 end),"
                + " sum(case when d.refurbished_at >= ?1 and d.refurbished_at < ?2"
                + " then 1 else 0 end),"
                + " sum(case when d.status = 'RECYCLED' and d.recycled_at >= ?1"
                + " and d.recycled_at < ?2 then 1 else 0 end),"
                + " sum(case when d.status = 'SOLD' and d.sold_at >= ?1 and d.sold_at < ?2"
                + " then 1 else 0 end),"
                + " sum(case when d.refurbished_at >= ?1 and d.refurbished_at < ?2"
                + " then coalesce(d.insertion_hours, 0) else 0 end)"
                + " from device_supply d join organisation_place o on o.id = d.donor_id"
                + " where o.territory_id = ?3"
                + " group by d.category, d.workshop_id, d.refurbisher_id");
    bind(q, from, end, id);
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      long[] c = devices.computeIfAbsent(DeviceCategory.valueOf((String) r[0]), k -> new long[5]);
      for (int i = 0; i < 4; i++) {
        c[i] += number(r[3 + i]);
      }
      if (r[1] != null) {
        takenIn.merge(
            ((Number) r[1]).longValue(), new long[] {number(r[3])}, TerritoryDashboard::add);
      }
      if (r[2] != null) {
        refurbishedBy.merge(
            ((Number) r[2]).longValue(),
            new BigDecimal[] {BigDecimal.valueOf(number(r[4])), decimal(r[7])},
            (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
      }
    }
    Query pledged =
        em.createNativeQuery(
            "select p.category, sum(p.quantity) from donation_pledged p"
                + " join organisation_place o on o.id = p.donor_id"
                + " where o.territory_id = ?3 and p.pledged_at >= ?1 and p.pledged_at < ?2"
                + " group by p.category");
    bind(pledged, from, end, id);
    for (Object row : pledged.getResultList()) {
      Object[] r = (Object[]) row;
      devices.computeIfAbsent(DeviceCategory.valueOf((String) r[0]), k -> new long[5])[4] =
          number(r[1]);
    }
    List<CategorySupply> byCategory = new ArrayList<>();
    Map<DeviceCategory, long[]> fates = new EnumMap<>(DeviceCategory.class);
    long[] total = new long[5];
    for (DeviceCategory category : DeviceCategory.values()) {
      long[] c = devices.getOrDefault(category, new long[5]);
      byCategory.add(new CategorySupply(category, c[4], c[0], c[1], c[2], c[3]));
      fates.put(category, new long[] {c[3], c[2]});
      for (int i = 0; i < 5; i++) {
        total[i] += c[i];
      }
    }
    Supply supply = new Supply(total[4], total[0], total[1], total[2], total[3], byCategory);

    int months = underWay ? now.getMonthValue() : 12;
    List<WorkshopUse> workshops = new ArrayList<>();
    BigDecimal hours = BigDecimal.ZERO.setScale(2);
    for (BigDecimal[] r : refurbishedBy.values()) {
      hours = hours.add(r[1]);
    }
    for (Organisation w :
        directory.organisationsOfKindInTerritory(OrganisationKind.REFURBISHER, id)) {
      long in = takenIn.getOrDefault(w.id(), new long[1])[0];
      BigDecimal[] done =
          refurbishedBy.getOrDefault(
              w.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO.setScale(2)});
      Long capacity = w.monthlyCapacity() == null ? null : (long) w.monthlyCapacity() * months;
      workshops.add(
          new WorkshopUse(
              w.id(),
              w.name(),
              w.monthlyCapacity(),
              capacity,
              in,
              done[0].longValueExact(),
              done[1],
              capacity == null || capacity == 0 ? null : (int) Math.round(100.0 * in / capacity)));
    }

    List<CategoryImpact> impacts = factors.convert(fates);
    Demand demand = demand(id, from, end, asOf);
    Impact impact =
        new Impact(
            ImpactReport.sum(impacts, CategoryImpact::kgCo2eAvoided),
            ImpactReport.sum(impacts, CategoryImpact::kgRawMaterialsAvoided),
            supply.reused(),
            supply.recycled(),
            demand.equipped(),
            trainings(id, from, end),
            hours,
            hours.divide(BigDecimal.valueOf(HOURS_PER_FTE), 2, RoundingMode.HALF_UP),
            HOURS_PER_FTE,
            HOURS_PER_FTE_SOURCE,
            ImpactReport.FACTORS_SOURCE,
            impacts);
    return new Dashboard(
        id,
        territory.code(),
        territory.name(),
        year,
        from.toLocalDate(),
        end.toLocalDate().minusDays(1),
        underWay,
        supply,
        demand,
        workshops,
        vouchers(id, from, end, underWay),
        impact);
  }

  /** The programmes of the territory's funders, for the vouchers' queries. */
  private static final String PROGRAMMES =
      " (select f.programme_id from programme_funder f join organisation_place o"
          + " on o.id = f.authority_id where o.territory_id = ?3)";

  /**
   * The vouchers' figures: issued in the period as the issuance batches of the period count them,
   * redeemed with the funders' shares from the days' totals (the period starts and ends at
   * midnight), reversed from the reversals of the period; outstanding at the end of a period under
   * way is the vouchers issued or held now (programme, status), of a past period those issued
   * before its end and neither redeemed, cancelled nor expired by then (read from the vouchers
   * themselves).
   */
  private Vouchers vouchers(
      long territory, LocalDateTime from, LocalDateTime end, boolean underWay) {
    Query issued =
        em.createNativeQuery(
            "select sum(b.issued_count) from voucher_issuance b where b.programme_id in"
                + PROGRAMMES
                + " and b.created_at >= ?1 and b.created_at < ?2");
    bind(issued, from, end, territory);
    Query outstanding =
        em.createNativeQuery(
            underWay
                ? "select count(*) from voucher_issued v where v.programme_id in"
                    + PROGRAMMES
                    + " and v.status in ('ISSUED', 'HELD')"
                : "select count(*) from voucher_issued v where v.programme_id in"
                    + PROGRAMMES
                    + " and v.issued_at < ?2"
                    + " and (v.redeemed_at is null or v.redeemed_at >= ?2)"
                    + " and (v.cancelled_at is null or v.cancelled_at >= ?2)"
                    + " and (v.expired_at is null or v.expired_at >= ?2)");
    if (!underWay) {
      outstanding.setParameter(2, end);
    }
    outstanding.setParameter(3, territory);
    Query redeemed =
        em.createNativeQuery(
            "select sum(d.redeemed), sum(d.applied_cents) from voucher_redeemed_daily d"
                + " where d.programme_id in"
                + PROGRAMMES
                + " and d.redeemed_on >= ?1 and d.redeemed_on < ?2");
    redeemed.setParameter(1, from.toLocalDate());
    redeemed.setParameter(2, end.toLocalDate());
    redeemed.setParameter(3, territory);
    Object[] r = (Object[]) redeemed.getSingleResult();
    Query reversed =
        em.createNativeQuery(
            "select sum(x.reversed_cents) from voucher_reversed x where x.programme_id in"
                + PROGRAMMES
                + " and x.reversed_at >= ?1 and x.reversed_at < ?2");
    bind(reversed, from, end, territory);
    long back = number(reversed.getSingleResult());
    return new Vouchers(
        number(issued.getSingleResult()),
        number(r[0]),
        number(r[1]) - back,
        back,
        number(outstanding.getSingleResult()));
  }

  private long trainings(long territory, LocalDateTime from, LocalDateTime end) {
    Query q =
        em.createNativeQuery(
            "select sum(s.quantity) from service_given s"
                + " join organisation_place o on o.id = s.relay_id"
                + " where o.territory_id = ?3 and s.closed_at >= ?1 and s.closed_at < ?2");
    bind(q, from, end, territory);
    return number(q.getSingleResult());
  }

  /**
   * The demand of the period, computed in the database from the needs ({@link #needs()}): people
   * diagnosed in the period; found eligible in it; equipped in it; waiting — eligible at {@code
   * asOf} (their latest decision by then an eligibility still valid) with a need that no device
   * met; a need met by the first device of its category (any, when none is recommended) given on or
   * after the diagnosis and before the end, its wait the whole days between the two. Parameters: ?1
   * the start, ?2 the end, ?3 the territory, ?4 the moment eligibility is judged, ?5 its day.
   */
  private Demand demand(long territory, LocalDateTime from, LocalDateTime end, LocalDateTime asOf) {
    // joins and groups, not a subquery per person: PostgreSQL ran a correlated subquery once for
    // each of its three uses and a person's latest decision as a loop over the people
    String met =
        "select n.beneficiary_id, n.category, n.diagnosed_at, min(q.used_at) as met_at"
            + " from ("
            + needs()
            + ") n left join equipment_given q on q.beneficiary_id = n.beneficiary_id"
            + " and q.used_at >= n.diagnosed_at and q.used_at < ?2"
            + " and (n.category is null or q.category = n.category)"
            + " group by n.beneficiary_id, n.category, n.diagnosed_at";
    String eligibleAtEnd =
        "select distinct e.beneficiary_id from eligibility_outcome e join ("
            + "select l.beneficiary_id, max(l.decided_at) as decided_at"
            + " from eligibility_outcome l join organisation_place o"
            + " on o.id = l.social_structure_id"
            + " where o.territory_id = ?3 and l.decided_at <= ?4 group by l.beneficiary_id) l"
            + " on l.beneficiary_id = e.beneficiary_id and l.decided_at = e.decided_at"
            + " where e.decision = 'ELIGIBLE' and e.valid_until >= ?5";
    // one pass over the needs: grouped by category, diagnosed in the period or before, the wait of
    // a need met in the period (null: not met in it), and whether an unmet need's person is
    // eligible at the end; one need per person and diagnosis, so the sums count people
    String wait = "floor(extract(epoch from (m.met_at - m.diagnosed_at)) / 86400)";
    Query grouped =
        em.createNativeQuery(
            "select g.category, g.diagnosed, g.wait, g.waiting, count(*) from ("
                + "select m.category,"
                + " case when m.diagnosed_at >= ?1 then 1 else 0 end as diagnosed,"
                + " case when m.met_at >= ?1 then "
                + wait
                + " end as wait,"
                + " case when m.met_at is null and w.beneficiary_id is not null then 1 else 0 end"
                + " as waiting"
                + " from ("
                + met
                + ") m left join ("
                + eligibleAtEnd
                + ") w on w.beneficiary_id = m.beneficiary_id) g"
                + " group by g.category, g.diagnosed, g.wait, g.waiting");
    bindDemand(grouped, from, end, territory, asOf);
    Map<DeviceCategory, long[]> counts = new HashMap<>();
    Map<DeviceCategory, Map<Long, Long>> histograms = new HashMap<>();
    Map<Long, Long> all = new java.util.TreeMap<>();
    long diagnosed = 0;
    long waiting = 0;
    for (Object row : grouped.getResultList()) {
      Object[] r = (Object[]) row;
      DeviceCategory category = r[0] == null ? null : DeviceCategory.valueOf((String) r[0]);
      long n = number(r[4]);
      long[] c = counts.computeIfAbsent(category, k -> new long[3]);
      if (number(r[1]) == 1) {
        c[0] += n;
        diagnosed += n;
      }
      if (r[2] != null) {
        c[1] += n;
        histograms
            .computeIfAbsent(category, k -> new java.util.TreeMap<>())
            .merge(number(r[2]), n, Long::sum);
        all.merge(number(r[2]), n, Long::sum);
      }
      if (number(r[3]) == 1) {
        c[2] += n;
        waiting += n;
      }
    }
    List<CategoryDemand> categories = new ArrayList<>();
    counts.forEach(
        (category, c) ->
            categories.add(
                new CategoryDemand(
                    category,
                    c[0],
                    c[1],
                    c[2],
                    DemandFigures.median(histograms.getOrDefault(category, Map.of())))));
    categories.sort(
        java.util.Comparator.comparing(
            CategoryDemand::category,
            java.util.Comparator.nullsLast(java.util.Comparator.<DeviceCategory>naturalOrder())));
    Query eligible =
        em.createNativeQuery(
            "select count(distinct e.beneficiary_id) from eligibility_outcome e"
                + " join organisation_place o on o.id = e.social_structure_id"
                + " where o.territory_id = ?3 and e.decision = 'ELIGIBLE'"
                + " and e.decided_at >= ?1 and e.decided_at < ?2");
    bind(eligible, from, end, territory);
    Query given =
        em.createNativeQuery(
            "select count(distinct q.beneficiary_id) from equipment_given q"
                + " join beneficiary_of_structure b on b.beneficiary_id = q.beneficiary_id"
                + " join organisation_place o on o.id = b.social_structure_id"
                + " where o.territory_id = ?3 and q.used_at >= ?1 and q.used_at < ?2");
    bind(given, from, end, territory);
    long equipped = number(given.getSingleResult());
    return new Demand(
        diagnosed,
        number(eligible.getSingleResult()),
        equipped,
        waiting,
        DemandFigures.median(all),
        categories);
  }

  /**
   * The needs of equipment of the territory's people diagnosed before the end (?2) in the territory
   * (?3), with the columns {@code beneficiary_id}, {@code category} (the recommended category, null
   * for none) and {@code diagnosed_at}, one row per person: the social worker's diagnosis where
   * there is one ({@code need_diagnosed}); for a person without one, the need is dated by the first
   * eligibility decision about them, with no recommended category (met by a device of any kind).
   */
  static String needs() {
    return "select n.beneficiary_id, n.category, n.diagnosed_at"
        + " from need_diagnosed n join beneficiary_of_structure b"
        + " on b.beneficiary_id = n.beneficiary_id"
        + " join organisation_place o on o.id = b.social_structure_id"
        + " where o.territory_id = ?3 and n.diagnosed_at < ?2"
        + " union all"
        + " select e.beneficiary_id, cast(null as varchar(20)) as category,"
        + " min(e.decided_at) as diagnosed_at"
        + " from eligibility_outcome e join organisation_place o"
        + " on o.id = e.social_structure_id"
        + " where o.territory_id = ?3 and e.decided_at < ?2"
        + " and not exists (select 1 from need_diagnosed d where d.beneficiary_id = e.beneficiary_id)"
        + " group by e.beneficiary_id";
  }

  private static void bindDemand(
      Query query, LocalDateTime from, LocalDateTime end, long territory, LocalDateTime asOf) {
    bind(query, from, end, territory);
    query.setParameter(4, asOf);
    query.setParameter(5, asOf.toLocalDate());
  }

  private static long[] add(long[] a, long[] b) {
    a[0] += b[0];
    return a;
  }

  private static void bind(Query query, LocalDateTime from, LocalDateTime end, long territory) {
    query.setParameter(1, from);
    query.setParameter(2, end);
    query.setParameter(3, territory);
  }

  private static BigDecimal decimal(Object value) {
    return value == null
        ? BigDecimal.ZERO.setScale(2)
        : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
