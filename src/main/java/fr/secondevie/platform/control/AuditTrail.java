package fr.secondevie.platform.control;

import fr.secondevie.platform.entity.AuditAction;
import fr.secondevie.platform.entity.AuditEntry;
import fr.secondevie.platform.security.AuthenticatedCaller;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The audit trail the use cases write to: every act that moves money, a voucher, a device or a
 * decision records who did it, for which organisation, on which record, in the transaction of the
 * act itself (so a rolled-back act leaves no entry).
 */
@ApplicationScoped
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * Records an act of the current caller, or of the system when there is none: an anonymous
   * request, or a job or background thread where there is no request to ask.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditAction action, String recordType, Object recordId, String details) {
    record(action.name(), recordType, recordId, details);
  }

  /**
   * The same with the action's name, for the acts whose name is made of a state ({@code "ORDER_" +
   * outcome}); a fixed act uses its capability's {@link AuditAction}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String action, String recordType, Object recordId, String details) {
    AuthenticatedCaller who = currentCaller();
    em.persist(
        new AuditEntry(
            LocalDateTime.now(clock),
            who == null ? "system" : who.username(),
            who == null ? null : who.organisationId(),
            action,
            recordType,
            recordId == null ? null : recordId.toString(),
            details));
  }

  /** Records an act done on behalf of a named user by a background job. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAs(
      String username,
      Long organisationId,
      AuditAction action,
      String recordType,
      Object recordId,
      String details) {
    em.persist(
        new AuditEntry(
            LocalDateTime.now(clock),
            username,
            organisationId,
            action.name(),
            recordType,
            recordId == null ? null : recordId.toString(),
            details));
  }

  private AuthenticatedCaller currentCaller() {
    try {
      return caller.current().orElse(null);
    } catch (RuntimeException noRequestContext) {
      return null;
    }
  }

  public List<AuditEntry> of(String recordType, Object recordId) {
    return em.createNamedQuery("AuditEntry.findByRecord", AuditEntry.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId.toString())
        .getResultList();
  }
}
