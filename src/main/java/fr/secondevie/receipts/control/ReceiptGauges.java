package fr.secondevie.receipts.control;

import fr.secondevie.platform.control.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** How the running tax-receipt batches stand, read from the database at each scrape. */
@ApplicationScoped
public class ReceiptGauges {

  @Inject BusinessMetrics metrics;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.batchGauges(
        "tax-receipts",
        "select count(*) from receipt_batch where status = 'RUNNING'",
        "select count(*) from receipt_batch_item i join receipt_batch b on b.id = i.batch_id"
            + " where b.status = 'RUNNING' and i.outcome is null");
  }
}
