package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.AuditEntry;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Writes the audit entries of voucher acts in the act's transaction: through the {@link AuditTrail}
 * when the act comes from a request, as the system's own act when it comes from a job or a
 * background thread (where there is no request, hence no caller, to ask).
 */
@ApplicationScoped
public class VoucherAudit {

  @Inject AuditTrail trail;
  @Inject Caller caller;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  public void record(String action, String recordType, Object recordId, String details) {
    if (inRequest()) {
      trail.record(action, recordType, recordId, details);
    } else {
      em.persist(
          new AuditEntry(
              LocalDateTime.now(clock),
              "system",
              null,
              action,
              recordType,
              recordId == null ? null : recordId.toString(),
              details));
    }
  }

  private boolean inRequest() {
    try {
      caller.current();
      return true;
    } catch (RuntimeException noRequest) {
      return false;
    }
  }
}
