package fr.secondevie.eligibility.entity;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One version of the eligibility rules: which criteria qualify and for which tier (1 is the
 * strongest support), the family-quotient thresholds, how long a decision holds, how old a proof
 * may be, and the quota of devices per category and period. A new version never changes a decision
 * taken under an older one: each decision records the version it applied.
 */
@Entity
@Table(name = "eligibility_rule_set")
@NamedQuery(name = "RuleSet.findCurrent", query = "select r from RuleSet r order by r.version desc")
@NamedQuery(
    name = "RuleSet.findByVersion",
    query = "select r from RuleSet r where r.version = :version")
public class RuleSet {

  /** A criterion that qualifies, and the tier it gives. */
  @Embeddable
  public static class CriterionTier {
    private String code;
    private int tier;

    protected CriterionTier() {}

    public CriterionTier(String code, int tier) {
      this.code = code;
      this.tier = tier;
    }

    public String code() {
      return code;
    }

    public int tier() {
      return tier;
    }
  }

  /** A family quotient up to {@code maxCents} (included) gives {@code tier}. */
  @Embeddable
  public static class QuotientTier {
    @Column(name = "max_cents")
    private long maxCents;

    private int tier;

    protected QuotientTier() {}

    public QuotientTier(long maxCents, int tier) {
      this.maxCents = maxCents;
      this.tier = tier;
    }

    public long maxCents() {
      return maxCents;
    }

    public int tier() {
      return tier;
    }
  }

  /** At most {@code quantity} devices of a category per quota period. */
  @Embeddable
  public static class Quota {
    @Enumerated(EnumType.STRING)
    private DeviceCategory category;

    private int quantity;

    protected Quota() {}

    public Quota(DeviceCategory category, int quantity) {
      this.category = category;
      this.quantity = quantity;
    }

    public DeviceCategory category() {
      return category;
    }

    public int quantity() {
      return quantity;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private int version;

  @Column(name = "validity_months")
  private int validityMonths;

  @Column(name = "quota_period_months")
  private int quotaPeriodMonths;

  @Column(name = "proof_max_age_months")
  private int proofMaxAgeMonths;

  @Column(name = "created_at", updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "created_by", updatable = false)
  private String createdBy;

  private String note;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "eligibility_rule_criterion",
      joinColumns = @JoinColumn(name = "rule_set_id"))
  private List<CriterionTier> criteria = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "eligibility_rule_qf", joinColumns = @JoinColumn(name = "rule_set_id"))
  private List<QuotientTier> quotientTiers = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "eligibility_rule_quota", joinColumns = @JoinColumn(name = "rule_set_id"))
  private List<Quota> quotas = new ArrayList<>();

  protected RuleSet() {}

  /** A new version of the rules; every part is checked before anything is kept. */
  public RuleSet(
      int version,
      int validityMonths,
      int quotaPeriodMonths,
      int proofMaxAgeMonths,
      List<CriterionTier> criteria,
      List<QuotientTier> quotientTiers,
      List<Quota> quotas,
      String createdBy,
      LocalDateTime createdAt,
      String note) {
    require(version >= 1, "the version starts at 1");
    require(validityMonths >= 1 && validityMonths <= 36, "validity is 1 to 36 months");
    require(
        quotaPeriodMonths >= 1 && quotaPeriodMonths <= 60, "the quota period is 1 to 60 months");
    require(proofMaxAgeMonths >= 1 && proofMaxAgeMonths <= 24, "a proof may be 1 to 24 months old");
    criteria.forEach(
        c -> {
          require(Criteria.ALL.contains(c.code()), "unknown criterion " + c.code());
          require(c.tier() >= 1 && c.tier() <= 3, "tiers are 1 to 3");
        });
    require(
        criteria.stream().map(CriterionTier::code).distinct().count() == criteria.size(),
        "a criterion appears once");
    quotientTiers.forEach(
        q -> {
          require(q.maxCents() > 0, "a family-quotient threshold is positive");
          require(q.tier() >= 1 && q.tier() <= 3, "tiers are 1 to 3");
        });
    quotas.forEach(
        q -> {
          require(q.category() != null, "a quota has a category");
          require(q.quantity() >= 0 && q.quantity() <= 10, "a quota is 0 to 10 devices");
        });
    require(
        quotas.stream().map(Quota::category).distinct().count() == quotas.size(),
        "a category has one quota");
    this.version = version;
    this.validityMonths = validityMonths;
    this.quotaPeriodMonths = quotaPeriodMonths;
    this.proofMaxAgeMonths = proofMaxAgeMonths;
    this.criteria = new ArrayList<>(criteria);
    this.quotientTiers = new ArrayList<>(quotientTiers);
    this.quotas = new ArrayList<>(quotas);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.note = note;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * What these rules say of a person with these criteria, proof and family quotient, today. The
   * best (lowest) tier among the criteria and the quotient wins.
   */
  public Verdict decide(
      Set<String> ticked, LocalDate proofDate, Long familyQuotientCents, LocalDate today) {
    if (proofDate.isBefore(today.minusMonths(proofMaxAgeMonths))) {
      return Verdict.refused(
          "Justificatif trop ancien : il doit dater de moins de " + proofMaxAgeMonths + " mois.");
    }
    Optional<Integer> byCriteria =
        criteria.stream()
            .filter(c -> ticked.contains(c.code()))
            .map(CriterionTier::tier)
            .min(Integer::compare);
    Optional<Integer> byQuotient =
        familyQuotientCents == null
            ? Optional.empty()
            : quotientTiers.stream()
                .filter(q -> familyQuotientCents <= q.maxCents())
                .map(QuotientTier::tier)
                .min(Integer::compare);
    Optional<Integer> tier =
        java.util.stream.Stream.of(byCriteria, byQuotient)
            .flatMap(Optional::stream)
            .min(Integer::compare);
    if (tier.isPresent()) {
      return Verdict.eligible(tier.get(), today.plusMonths(validityMonths));
    }
    List<String> reasons = new ArrayList<>();
    if (!ticked.isEmpty()) {
      reasons.add(
          "Critères non retenus par le règlement en vigueur : "
              + ticked.stream().sorted().collect(Collectors.joining(", "))
              + ".");
    }
    if (familyQuotientCents != null) {
      long ceiling = quotientTiers.stream().mapToLong(QuotientTier::maxCents).max().orElse(0);
      reasons.add(
          "Quotient familial de "
              + Money.ofCents(familyQuotientCents).format(Locale.FRANCE)
              + " au-dessus du plafond de "
              + Money.ofCents(ceiling).format(Locale.FRANCE)
              + ".");
    }
    return Verdict.refused(String.join(" ", reasons));
  }

  /** Devices allowed per category in one quota period, by the category's name, as views show it. */
  public Map<DeviceCategory, Integer> quotaByCategory() {
    Map<DeviceCategory, Integer> byCategory = new EnumMap<>(DeviceCategory.class);
    quotas.forEach(q -> byCategory.put(q.category(), q.quantity()));
    return byCategory;
  }

  public int version() {
    return version;
  }

  public int validityMonths() {
    return validityMonths;
  }

  public int quotaPeriodMonths() {
    return quotaPeriodMonths;
  }

  public int proofMaxAgeMonths() {
    return proofMaxAgeMonths;
  }

  public List<CriterionTier> criteria() {
    return criteria.stream().sorted(Comparator.comparing(CriterionTier::code)).toList();
  }

  public List<QuotientTier> quotientTiers() {
    return quotientTiers.stream().sorted(Comparator.comparingLong(QuotientTier::maxCents)).toList();
  }

  public List<Quota> quotas() {
    return quotas.stream().sorted(Comparator.comparing(q -> q.category().name())).toList();
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public String note() {
    return note;
  }
}
