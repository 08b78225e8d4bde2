package fr.secondevie.eligibility.control;

import fr.secondevie.eligibility.entity.EligibilityAudit;
import fr.secondevie.eligibility.entity.RuleSet;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versions of the eligibility rules. Publishing never edits a version: it adds the next one (a
 * unique version number makes two simultaneous publications one success and one 409), and decisions
 * keep the version they applied.
 */
@ApplicationScoped
public class RulesBook {

  /** What the admin sets in a new version. */
  public record Draft(
      int validityMonths,
      int quotaPeriodMonths,
      int proofMaxAgeMonths,
      List<RuleSet.CriterionTier> criteria,
      List<RuleSet.QuotientTier> quotientTiers,
      List<RuleSet.Quota> quotas,
      String note) {}

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  public RuleSet current() {
    return em.createNamedQuery("RuleSet.findCurrent", RuleSet.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("No eligibility rules: migration V30 missing"));
  }

  /**
   * One version of the rules. A published version never changes, so each instance keeps the ones it
   * has read (every counter check reads the version of the person's decision): a cache that can
   * never be stale, whatever the other instances publish.
   */
  public RuleSet version(int version) {
    RuleSet known = published.get(version);
    if (known != null) {
      return known;
    }
    RuleSet read =
        em.createNamedQuery("RuleSet.findByVersion", RuleSet.class)
            .setParameter("version", version)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> BusinessException.notFound("Rules version " + version));
    if (em.contains(read)) {
      em.detach(read); // inside a transaction: the cached copy must not stay managed by it
    }
    published.putIfAbsent(version, read);
    return read;
  }

  private final Map<Integer, RuleSet> published = new ConcurrentHashMap<>();

  public List<RuleSet> history() {
    return em.createNamedQuery("RuleSet.findCurrent", RuleSet.class).getResultList();
  }

  @Transactional
  public RuleSet publish(Draft draft) {
    RuleSet next;
    try {
      next =
          new RuleSet(
              current().version() + 1,
              draft.validityMonths(),
              draft.quotaPeriodMonths(),
              draft.proofMaxAgeMonths(),
              draft.criteria(),
              draft.quotientTiers(),
              draft.quotas(),
              caller.username(),
              LocalDateTime.now(clock),
              draft.note());
    } catch (IllegalArgumentException e) {
      throw BusinessException.unprocessable("INVALID_RULES", e.getMessage());
    }
    try {
      em.persist(next);
      em.flush();
    } catch (PersistenceException e) {
      throw BusinessException.conflict(
          "CONCURRENT_UPDATE", "Another version of the rules was published at the same time");
    }
    audit.record(
        EligibilityAudit.ELIGIBILITY_RULES_PUBLISHED, "RuleSet", next.version(), draft.note());
    return next;
  }
}
