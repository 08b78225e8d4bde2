package fr.secondevie.eligibility.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A social worker's decision on a person: the criteria ticked, the type and date of the proof seen
 * (never the proof), the family quotient when it applied, and the outcome under the rules version
 * in force — eligible with a tier until a date, or refused with the reason kept.
 */
@Entity
@Table(name = "eligibility_decision")
@NamedQuery(
    name = "EligibilityDecision.latestOf",
    query =
        "select d from EligibilityDecision d where d.beneficiary.id = :beneficiary"
            + " order by d.decidedAt desc, d.id desc")
public class EligibilityDecision {

  /** The two outcomes. */
  public enum Outcome {
    ELIGIBLE,
    REFUSED,
    /** An eligibility ended by the social worker before its term, with its reason. */
    REVOKED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "beneficiary_id", updatable = false)
  private Beneficiary beneficiary;

  @Column(name = "rule_set_version", updatable = false)
  private int ruleSetVersion;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(updatable = false)
  private Outcome decision;

  @Column(updatable = false)
  private Integer tier;

  @Column(name = "valid_until", updatable = false)
  private LocalDate validUntil;

  @Column(updatable = false)
  private String reason;

  private String criteria;

  @Column(name = "proof_type")
  private String proofType;

  @Column(name = "proof_date")
  private LocalDate proofDate;

  @Column(name = "family_quotient_cents")
  private Long familyQuotientCents;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at", updatable = false)
  private LocalDateTime decidedAt;

  protected EligibilityDecision() {}

  /** Applies the rules to the request and keeps the outcome with what led to it. */
  public static EligibilityDecision take(
      Beneficiary beneficiary,
      RuleSet rules,
      Set<String> criteria,
      String proofType,
      LocalDate proofDate,
      Long familyQuotientCents,
      String decidedBy,
      LocalDateTime now) {
    if (beneficiary.isAnonymised()) {
      throw new IllegalStateException("This person's file was anonymised");
    }
    Verdict verdict = rules.decide(criteria, proofDate, familyQuotientCents, now.toLocalDate());
    EligibilityDecision d = new EligibilityDecision();
    d.beneficiary = beneficiary;
    d.ruleSetVersion = rules.version();
    d.decision = verdict.eligible() ? Outcome.ELIGIBLE : Outcome.REFUSED;
    d.tier = verdict.tier();
    d.validUntil = verdict.validUntil();
    d.reason = verdict.reason();
    d.criteria = String.join(",", new TreeSet<>(criteria));
    d.proofType = proofType;
    d.proofDate = proofDate;
    d.familyQuotientCents = familyQuotientCents;
    d.decidedBy = decidedBy;
    d.decidedAt = now;
    beneficiary.contactedAt(now);
    return d;
  }

  /**
   * A refusal the social worker records without ticking any criterion, with its reason (kept, as
   * social workers ask): nothing was proven, so no rule decides.
   */
  public static EligibilityDecision refuse(
      Beneficiary beneficiary,
      RuleSet rules,
      String reason,
      String proofType,
      LocalDate proofDate,
      String decidedBy,
      LocalDateTime now) {
    return recorded(
        beneficiary, rules, Outcome.REFUSED, reason, proofType, proofDate, decidedBy, now);
  }

  /** The end of an eligibility before its term, with its reason; it takes effect at once. */
  public static EligibilityDecision revoke(
      Beneficiary beneficiary, RuleSet rules, String reason, String decidedBy, LocalDateTime now) {
    return recorded(beneficiary, rules, Outcome.REVOKED, reason, null, null, decidedBy, now);
  }

  private static EligibilityDecision recorded(
      Beneficiary beneficiary,
      RuleSet rules,
      Outcome outcome,
      String reason,
      String proofType,
      LocalDate proofDate,
      String decidedBy,
      LocalDateTime now) {
    if (beneficiary.isAnonymised()) {
      throw new IllegalStateException("This person's file was anonymised");
    }
    EligibilityDecision d = new EligibilityDecision();
    d.beneficiary = beneficiary;
    d.ruleSetVersion = rules.version();
    d.decision = outcome;
    d.reason = reason;
    d.criteria = "";
    d.proofType = proofType;
    d.proofDate = proofDate;
    d.decidedBy = decidedBy;
    d.decidedAt = now;
    beneficiary.contactedAt(now);
    return d;
  }

  /** Eligible on that day: an ELIGIBLE decision whose validity has not ended. */
  public boolean isEligibleOn(LocalDate day) {
    return decision == Outcome.ELIGIBLE && !validUntil.isBefore(day);
  }

  public Long id() {
    return id;
  }

  public Beneficiary beneficiary() {
    return beneficiary;
  }

  public int ruleSetVersion() {
    return ruleSetVersion;
  }

  public Outcome decision() {
    return decision;
  }

  public Integer tier() {
    return tier;
  }

  public LocalDate validUntil() {
    return validUntil;
  }

  public String reason() {
    return reason;
  }

  public List<String> criteria() {
    return criteria == null || criteria.isEmpty() ? List.of() : Arrays.asList(criteria.split(","));
  }

  public String proofType() {
    return proofType;
  }

  public LocalDate proofDate() {
    return proofDate;
  }

  public Long familyQuotientCents() {
    return familyQuotientCents;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public LocalDateTime decidedAt() {
    return decidedAt;
  }
}
