package fr.secondevie.vouchers.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * Marks vouchers EXPIRED once past their programme's validity and tolerance, every hour (a hold
 * also refuses an expired voucher at once, without waiting for this job). Running it on two
 * instances at once is harmless: the update of each voucher happens once.
 */
@Singleton
public class ExpiryJob {

  private static final Logger LOG = Logger.getLogger(ExpiryJob.class.getName());

  @Inject VoucherLedger ledger;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "7", persistent = false)
  void expire() {
    int expired = ledger.expireOverdue(LocalDate.now(clock));
    if (expired > 0) {
      LOG.info(() -> expired + " vouchers expired");
    }
  }
}
