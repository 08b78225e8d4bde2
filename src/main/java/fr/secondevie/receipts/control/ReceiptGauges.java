package fr.secondevie.receipts.control;

import fr.secondevie.platform.control.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Tag;

/** How the running tax-receipt batches stand, read from the database at each scrape. */
@ApplicationScoped
public class ReceiptGauges {

  @Inject BusinessMetrics metrics;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Tag kind = new Tag("kind", "tax-receipts");
    metrics.databaseGauge(
        "batches.running",
        "Batches running or waiting to be taken over, on every instance",
        "select count(*) from receipt_batch where status = 'RUNNING'",
        kind);
    metrics.databaseGauge(
        "batch.items.remaining",
        "Items the running batches have still to process, on every instance",
        "select count(*) from receipt_batch_item i join receipt_batch b on b.id = i.batch_id"
            + " where b.status = 'RUNNING' and i.outcome is null",
        kind);
  }
}
