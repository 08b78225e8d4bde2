package fr.secondevie.sales.control;

import fr.secondevie.platform.control.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** The figures of sales that {@code /metrics} reads from the database at each scrape. */
@ApplicationScoped
public class SalesGauges {

  @Inject BusinessMetrics metrics;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.databaseGauge(
        "cash.sessions.open",
        "Cash drawers open at the relays (all instances: read from the database)",
        "select count(*) from cash_session where closed_at is null");
  }
}
