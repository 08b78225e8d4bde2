package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.ScheduledJobs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Marks vouchers EXPIRED once past their programme's validity and tolerance, every hour (a hold
 * also refuses an expired voucher at once, without waiting for this job). It runs once an hour
 * across all instances ({@link ScheduledJobs}); two runs meeting would still be harmless: the
 * update of each voucher happens once.
 */
@Singleton
public class ExpiryJob {

  @Inject VoucherLedger ledger;
  @Inject Clock clock;
  @Inject ScheduledJobs jobs;

  @Schedule(hour = "*", minute = "7", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void expire() {
    jobs.runOnce(
        "voucher-expiry",
        Duration.ofHours(1),
        () -> ledger.expireOverdue(LocalDate.now(clock)) + " vouchers expired");
  }
}
