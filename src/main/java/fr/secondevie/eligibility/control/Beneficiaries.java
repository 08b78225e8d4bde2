package fr.secondevie.eligibility.control;

import fr.secondevie.eligibility.entity.Beneficiary;
import fr.secondevie.eligibility.entity.BeneficiaryNeed;
import fr.secondevie.eligibility.entity.Criteria;
import fr.secondevie.eligibility.entity.EligibilityAudit;
import fr.secondevie.eligibility.entity.EligibilityDecision;
import fr.secondevie.eligibility.entity.RuleSet;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The use cases of eligibility: a social worker registers the people of its structure and decides
 * on them; a counter reads only "eligible until, tier, devices left"; the quota is consumed by
 * sales under a row lock on the person, so two counters cannot both sell the last unit; the
 * retention job anonymises people after the retention period.
 */
@ApplicationScoped
public class Beneficiaries {

  /** What a counter may know: nothing about the person but the outcome. */
  public record Eligibility(
      String beneficiaryId,
      boolean eligible,
      Integer tier,
      LocalDate validUntil,
      int devicesLeft,
      Map<DeviceCategory, Integer> devicesLeftByCategory,
      DeviceCategory recommendedCategory,
      boolean needsTraining) {}

  @PersistenceContext EntityManager em;
  @Inject RulesBook rules;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject Settings settings;

  @Transactional
  public Beneficiary register(String fileReference, int householdSize, String postalCode) {
    Beneficiary beneficiary;
    try {
      beneficiary =
          new Beneficiary(
              caller.organisationId(),
              fileReference,
              householdSize,
              postalCode,
              LocalDateTime.now(clock));
    } catch (IllegalArgumentException e) {
      throw BusinessException.badRequest("INVALID_INPUT", e.getMessage());
    }
    em.persist(beneficiary);
    audit.record(EligibilityAudit.BENEFICIARY_REGISTERED, "Beneficiary", beneficiary.id(), null);
    return beneficiary;
  }

  /** A person of the caller's own structure; another structure's is 404. */
  public Beneficiary ofMyStructure(String id) {
    return em.createNamedQuery("Beneficiary.findOfStructure", Beneficiary.class)
        .setParameter("id", Beneficiary.normalise(id))
        .setParameter("structure", caller.organisationId())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Beneficiary"));
  }

  public List<Beneficiary> listOfMyStructure() {
    return em.createNamedQuery("Beneficiary.listOfStructure", Beneficiary.class)
        .setParameter("structure", caller.organisationId())
        .getResultList();
  }

  /** What a refusal says when the social worker gives no reason of its own. */
  static final String DEFAULT_REFUSAL = "Aucun critère d'éligibilité n'est rempli";

  @Transactional
  public EligibilityDecision decide(
      String id, Set<String> criteria, String proofType, LocalDate proofDate, Long quotientCents) {
    return decide(id, criteria, proofType, proofDate, quotientCents, null);
  }

  /**
   * A decision: by the rules when a criterion is ticked or a family quotient given; otherwise a
   * refusal with the social worker's reason (or {@link #DEFAULT_REFUSAL}).
   */
  @Transactional
  public EligibilityDecision decide(
      String id,
      Set<String> criteria,
      String proofType,
      LocalDate proofDate,
      Long quotientCents,
      String refusalReason) {
    Beneficiary beneficiary = ofMyStructure(id);
    if (beneficiary.isAnonymised()) {
      throw BusinessException.conflict("ANONYMISED", "This person's file was anonymised");
    }
    LocalDateTime now = LocalDateTime.now(clock);
    if (proofDate.isAfter(now.toLocalDate())) {
      throw BusinessException.badRequest("INVALID_INPUT", "The proof date is in the future");
    }
    criteria.stream()
        .filter(c -> !Criteria.ALL.contains(c))
        .findFirst()
        .ifPresent(
            c -> {
              throw BusinessException.badRequest("INVALID_INPUT", "Unknown criterion: " + c);
            });
    EligibilityDecision decision =
        criteria.isEmpty() && quotientCents == null
            ? EligibilityDecision.refuse(
                beneficiary,
                rules.current(),
                refusalReason == null || refusalReason.isBlank()
                    ? DEFAULT_REFUSAL
                    : refusalReason.strip(),
                proofType,
                proofDate,
                caller.username(),
                now)
            : EligibilityDecision.take(
                beneficiary,
                rules.current(),
                criteria,
                proofType,
                proofDate,
                quotientCents,
                caller.username(),
                now);
    em.persist(decision);
    audit.record(
        "ELIGIBILITY_" + decision.decision().name(),
        "Beneficiary",
        beneficiary.id(),
        "rules v" + decision.ruleSetVersion());
    return decision;
  }

  /**
   * Ends an eligibility before its term, with its reason, at once: the counter sees "not eligible"
   * and an open order of the person cannot be completed. The person's row is locked, so two
   * revocations at once make one; a person not eligible today has nothing to revoke (409 {@code
   * NOT_ELIGIBLE}).
   */
  @Transactional
  public EligibilityDecision revoke(String id, String reason) {
    Beneficiary beneficiary = ofMyStructure(id);
    em.lock(beneficiary, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    em.refresh(beneficiary);
    LocalDateTime now = LocalDateTime.now(clock);
    if (beneficiary.isAnonymised()
        || latestDecision(beneficiary.id())
            .filter(d -> d.isEligibleOn(now.toLocalDate()))
            .isEmpty()) {
      throw BusinessException.conflict(
          "NOT_ELIGIBLE", "This person is not eligible today: there is nothing to revoke");
    }
    EligibilityDecision revocation =
        EligibilityDecision.revoke(
            beneficiary, rules.current(), reason.strip(), caller.username(), now);
    em.persist(revocation);
    audit.record("ELIGIBILITY_REVOKED", "Beneficiary", beneficiary.id(), reason.strip());
    return revocation;
  }

  /**
   * The latest decisions of the people of the caller's structure whose eligibility ends within
   * {@code days} days (today included), soonest first: ELIGIBLE, and their validity ends then.
   */
  public List<EligibilityDecision> expiringWithin(int days) {
    LocalDate today = LocalDate.now(clock);
    return em.createQuery(
            "select d from EligibilityDecision d join fetch d.beneficiary where"
                + " d.beneficiary.socialStructureId = :structure"
                + " and d.beneficiary.anonymisedAt is null and d.decision = :eligible"
                + " and d.validUntil between :today and :until and not exists"
                + " (select l from EligibilityDecision l where l.beneficiary = d.beneficiary and"
                + " (l.decidedAt > d.decidedAt or (l.decidedAt = d.decidedAt and l.id > d.id)))"
                + " order by d.validUntil, d.id",
            EligibilityDecision.class)
        .setParameter("structure", caller.organisationId())
        .setParameter("eligible", EligibilityDecision.Outcome.ELIGIBLE)
        .setParameter("today", today)
        .setParameter("until", today.plusDays(days))
        .getResultList();
  }

  public Optional<EligibilityDecision> latestDecision(String beneficiaryId) {
    return em.createNamedQuery("EligibilityDecision.latestOf", EligibilityDecision.class)
        .setParameter("beneficiary", beneficiaryId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<EligibilityDecision> decisions(String beneficiaryId) {
    return em.createNamedQuery("EligibilityDecision.latestOf", EligibilityDecision.class)
        .setParameter("beneficiary", beneficiaryId)
        .getResultList();
  }

  /**
   * The counter's panel. A social worker reads only its own structure's people; a counter reads
   * anyone of its territory whose identifier it scanned (the identifier is unguessable); another
   * territory's person is not found.
   */
  public Eligibility eligibility(String id) {
    Beneficiary beneficiary =
        caller.hasRole(Roles.SOCIAL_WORKER) && !caller.hasRole(Roles.COUNTER)
            ? ofMyStructure(id)
            : em.createNamedQuery("Beneficiary.findInTerritory", Beneficiary.class)
                .setParameter("id", Beneficiary.normalise(id))
                .setParameter("territory", caller.territoryId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> BusinessException.notFound("Beneficiary"));
    return eligibilityOf(beneficiary);
  }

  /** The postal code a voucher's territory is checked against (empty once anonymised). */
  public Optional<String> postalCode(String id) {
    return Optional.ofNullable(em.find(Beneficiary.class, Beneficiary.normalise(id)))
        .filter(b -> !b.isAnonymised())
        .map(Beneficiary::postalCode);
  }

  Eligibility eligibilityOf(Beneficiary beneficiary) {
    return eligibilityOf(beneficiary, em.find(BeneficiaryNeed.class, beneficiary.id()));
  }

  private Eligibility eligibilityOf(Beneficiary beneficiary, BeneficiaryNeed diagnosis) {
    LocalDate today = LocalDate.now(clock);
    Optional<EligibilityDecision> latest = latestDecision(beneficiary.id());
    // what the counter may know of the diagnosis: the device advised and whether training is
    Optional<BeneficiaryNeed> need =
        Optional.ofNullable(diagnosis).filter(n -> !beneficiary.isAnonymised());
    DeviceCategory advised = need.map(BeneficiaryNeed::recommendedCategory).orElse(null);
    boolean training = need.map(BeneficiaryNeed::needsTraining).orElse(false);
    if (beneficiary.isAnonymised() || latest.isEmpty() || !latest.get().isEligibleOn(today)) {
      return new Eligibility(
          beneficiary.id(),
          false,
          latest.map(EligibilityDecision::tier).orElse(null),
          latest.map(EligibilityDecision::validUntil).orElse(null),
          0,
          Map.of(),
          advised,
          training);
    }
    EligibilityDecision decision = latest.get();
    Map<DeviceCategory, Integer> left =
        devicesLeft(beneficiary.id(), rules.version(decision.ruleSetVersion()));
    return new Eligibility(
        beneficiary.id(),
        true,
        decision.tier(),
        decision.validUntil(),
        left.values().stream().mapToInt(Integer::intValue).sum(),
        left,
        advised,
        training);
  }

  /** The units left per category, in the order of the rules' quotas (by category name). */
  private Map<DeviceCategory, Integer> devicesLeft(String beneficiaryId, RuleSet rules) {
    LocalDateTime since = LocalDateTime.now(clock).minusMonths(rules.quotaPeriodMonths());
    Map<DeviceCategory, Long> used = new EnumMap<>(DeviceCategory.class);
    em.createQuery(
            "select q.category, count(q) from QuotaUse q where q.beneficiaryId = :b"
                + " and q.usedAt >= :since group by q.category",
            Object[].class)
        .setParameter("b", beneficiaryId)
        .setParameter("since", since)
        .getResultList()
        .forEach(row -> used.put((DeviceCategory) row[0], (Long) row[1]));
    Map<DeviceCategory, Integer> left = new LinkedHashMap<>();
    for (RuleSet.Quota quota : rules.quotas()) {
      long taken = used.getOrDefault(quota.category(), 0L);
      left.put(quota.category(), (int) Math.max(0, quota.quantity() - taken));
    }
    return left;
  }

  /** A unit of quota a sale takes: its device's category, and the sale's reference for it. */
  public record QuotaUnit(DeviceCategory category, String reference) {}

  /**
   * Takes the units of the person's quota a sale's devices need, whoever asks (the completion of an
   * order, which a card's webhook may trigger with no caller). The person's row is locked first and
   * for the rest of the transaction, so two counters selling the last unit at once queue up and the
   * second is refused; eligibility is judged once, under the lock: 422 NOT_ELIGIBLE when the person
   * is not eligible any more (revoked or run out since the order was opened), 422 QUOTA_EXCEEDED
   * when a category has fewer units left than the sale takes.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void consumeQuota(String beneficiaryId, List<QuotaUnit> units) {
    Beneficiary beneficiary =
        Optional.ofNullable(
                em.find(
                    Beneficiary.class,
                    Beneficiary.normalise(beneficiaryId),
                    LockModeType.PESSIMISTIC_WRITE))
            .orElseThrow(() -> BusinessException.notFound("Beneficiary"));
    BeneficiaryNeed need = em.find(BeneficiaryNeed.class, beneficiary.id());
    Eligibility eligibility = eligibilityOf(beneficiary, need);
    if (!eligibility.eligible()) {
      throw BusinessException.unprocessable(
          "NOT_ELIGIBLE", "This person is no longer eligible: the sale cannot be completed");
    }
    Map<DeviceCategory, Long> taken =
        units.stream()
            .collect(
                Collectors.groupingBy(
                    QuotaUnit::category,
                    () -> new EnumMap<>(DeviceCategory.class),
                    Collectors.counting()));
    taken.forEach(
        (category, count) -> {
          if (eligibility.devicesLeftByCategory().getOrDefault(category, 0) < count) {
            throw BusinessException.unprocessable(
                "QUOTA_EXCEEDED", "This person's quota of " + category + " is used up");
          }
        });
    LocalDateTime now = LocalDateTime.now(clock);
    for (QuotaUnit unit : units) {
      // a plain INSERT: nothing reads the new row's id, so none is asked back (an IDENTITY entity
      // persisted costs a SELECT lastval() after its INSERT)
      em.createNativeQuery(
              "insert into quota_use (beneficiary_id, category, reference, used_at)"
                  + " values (?, ?, ?, ?)")
          .setParameter(1, beneficiary.id())
          .setParameter(2, unit.category().name())
          .setParameter(3, unit.reference())
          .setParameter(4, Timestamp.valueOf(now))
          .executeUpdate();
      // the end of the wait the territory's figures count (the first device after the diagnosis)
      if (need != null) {
        need.equippedWith(unit.category(), now);
      }
    }
    beneficiary.contactedAt(now);
  }

  /**
   * Gives back the unit of the person's quota that the sale {@code reference} took (the device was
   * returned), under the person's row lock; the latest such unit when there are several, none when
   * there is none left to give back.
   *
   * @return whether a unit was given back
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean giveBackQuota(String beneficiaryId, DeviceCategory category, String reference) {
    if (em.find(Beneficiary.class, beneficiaryId, LockModeType.PESSIMISTIC_WRITE) == null) {
      return false;
    }
    List<?> units =
        em.createNativeQuery(
                "select id from quota_use where beneficiary_id = ? and category = ?"
                    + " and reference = ? order by id desc")
            .setParameter(1, beneficiaryId)
            .setParameter(2, category.name())
            .setParameter(3, reference)
            .setMaxResults(1)
            .getResultList();
    if (units.isEmpty()) {
      return false;
    }
    return em.createNativeQuery("delete from quota_use where id = ?")
            .setParameter(1, ((Number) units.get(0)).longValue())
            .executeUpdate()
        == 1;
  }

  /** Anonymises everyone whose last contact is older than the retention period. */
  @Transactional
  public int anonymiseInactive() {
    LocalDateTime now = LocalDateTime.now(clock);
    return anonymise(
        em.createNamedQuery("Beneficiary.findToAnonymise", Beneficiary.class)
            .setParameter("before", now.minusMonths(settings.retentionMonths()))
            .getResultList(),
        now);
  }

  /** The same, now, for the people of one territory's social structures (its coordination asks). */
  @Transactional
  public int anonymiseInactiveOf(long territoryId) {
    LocalDateTime now = LocalDateTime.now(clock);
    return anonymise(
        em.createNamedQuery("Beneficiary.findToAnonymiseInTerritory", Beneficiary.class)
            .setParameter("before", now.minusMonths(settings.retentionMonths()))
            .setParameter("territory", territoryId)
            .getResultList(),
        now);
  }

  private int anonymise(List<Beneficiary> due, LocalDateTime now) {
    for (Beneficiary beneficiary : due) {
      beneficiary.anonymise(now);
      em.createQuery(
              "update EligibilityDecision d set d.criteria = null, d.proofType = null,"
                  + " d.proofDate = null, d.familyQuotientCents = null, d.decidedBy = null"
                  + " where d.beneficiary = :b")
          .setParameter("b", beneficiary)
          .executeUpdate();
      Optional.ofNullable(em.find(BeneficiaryNeed.class, beneficiary.id()))
          .ifPresent(BeneficiaryNeed::anonymise);
      audit.record(EligibilityAudit.BENEFICIARY_ANONYMISED, "Beneficiary", beneficiary.id(), null);
    }
    return due.size();
  }
}
