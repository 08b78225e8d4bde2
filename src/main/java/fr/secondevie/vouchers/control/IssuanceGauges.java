package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Tag;

/** How the running background issuances stand, read from the database at each scrape. */
@ApplicationScoped
public class IssuanceGauges {

  @Inject BusinessMetrics metrics;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Tag kind = new Tag("kind", "voucher-issuance");
    metrics.databaseGauge(
        "batches.running",
        "Batches running or waiting to be taken over, on every instance",
        "select count(*) from issuance_batch where status = 'RUNNING'",
        kind);
    metrics.databaseGauge(
        "batch.items.remaining",
        "Items the running batches have still to process, on every instance",
        "select coalesce(sum(quantity - issued_count), 0) from issuance_batch"
            + " where status = 'RUNNING'",
        kind);
  }
}
