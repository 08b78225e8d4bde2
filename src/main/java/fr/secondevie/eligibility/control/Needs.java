package fr.secondevie.eligibility.control;

import fr.secondevie.eligibility.entity.Beneficiary;
import fr.secondevie.eligibility.entity.BeneficiaryNeed;
import fr.secondevie.eligibility.entity.EligibilityAudit;
import fr.secondevie.eligibility.entity.NeedUse;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The diagnosis of what a person needs, by a social worker of the person's structure: uses from a
 * fixed list, the device category advised, training and a connection needed. The counter reads only
 * the category advised and whether training is (through {@link Beneficiaries#eligibility}).
 */
@ApplicationScoped
public class Needs {

  @PersistenceContext EntityManager em;
  @Inject Beneficiaries beneficiaries;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * Records the diagnosis (replacing the previous answers, keeping the first day). An unknown use
   * or category is 400 INVALID_INPUT and changes nothing; an anonymised person 409 ANONYMISED. The
   * person's row is locked, so two diagnoses at once make one row.
   */
  @Transactional
  public BeneficiaryNeed diagnose(
      String id,
      Collection<String> uses,
      String recommendedCategory,
      boolean needsTraining,
      boolean needsConnection) {
    Set<NeedUse> parsed = EnumSet.noneOf(NeedUse.class);
    for (String use : uses) {
      parsed.add(use(use));
    }
    DeviceCategory category =
        recommendedCategory == null || recommendedCategory.isBlank()
            ? null
            : DeviceCategory.named(recommendedCategory)
                .orElseThrow(
                    () -> BusinessException.invalid("recommendedCategory", "an unknown category"));
    Beneficiary beneficiary = beneficiaries.ofMyStructure(id);
    em.lock(beneficiary, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(beneficiary);
    if (beneficiary.isAnonymised()) {
      throw BusinessException.conflict("ANONYMISED", "This person's file was anonymised");
    }
    LocalDateTime now = LocalDateTime.now(clock);
    BeneficiaryNeed need = em.find(BeneficiaryNeed.class, beneficiary.id());
    if (need == null) {
      need = new BeneficiaryNeed(beneficiary.id(), now);
      em.persist(need);
    }
    need.diagnose(parsed, category, needsTraining, needsConnection, caller.username(), now);
    beneficiary.contactedAt(now);
    audit.record(
        EligibilityAudit.BENEFICIARY_NEEDS_DIAGNOSED,
        "Beneficiary",
        beneficiary.id(),
        (category == null ? "no device advised" : category.name())
            + (needsTraining ? ", training" : "")
            + (needsConnection ? ", connection" : ""));
    return need;
  }

  /** The diagnosis of a person of the caller's structure, if one was made. */
  public Optional<BeneficiaryNeed> of(String id) {
    Beneficiary beneficiary = beneficiaries.ofMyStructure(id);
    return Optional.ofNullable(em.find(BeneficiaryNeed.class, beneficiary.id()));
  }

  private static NeedUse use(String name) {
    for (NeedUse use : NeedUse.values()) {
      if (use.name().equals(name)) {
        return use;
      }
    }
    throw BusinessException.invalid("uses", "an unknown use: " + name);
  }
}
