package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** How the running background issuances stand, read from the database at each scrape. */
@ApplicationScoped
public class IssuanceGauges {

  @Inject BusinessMetrics metrics;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.batchGauges(
        "voucher-issuance",
        "select count(*) from issuance_batch where status = 'RUNNING'",
        "select coalesce(sum(quantity - issued_count), 0) from issuance_batch"
            + " where status = 'RUNNING'");
  }
}
