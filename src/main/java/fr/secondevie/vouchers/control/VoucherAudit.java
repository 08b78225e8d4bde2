package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes the audit entries of voucher acts in the act's transaction, as the caller's act when it
 * comes from a request and as the system's own when it comes from a job (the {@link AuditTrail}
 * tells them apart).
 */
@ApplicationScoped
public class VoucherAudit {

  @Inject AuditTrail trail;

  public void record(String action, String recordType, Object recordId, String details) {
    trail.record(action, recordType, recordId, details);
  }
}
