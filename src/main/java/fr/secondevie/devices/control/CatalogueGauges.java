package fr.secondevie.devices.control;

import fr.secondevie.platform.control.BusinessMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * This instance's copy of the catalogue in {@code /metrics}: how many devices it holds and how long
 * since it was last brought up to date (each instance has its own copy).
 */
@ApplicationScoped
public class CatalogueGauges {

  @Inject BusinessMetrics metrics;
  @Inject CatalogueIndex index;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.gauge(
        "catalogue.copy.age",
        "Seconds since this instance's catalogue copy was last brought up to date (-1: not read)",
        MetricUnits.SECONDS,
        () -> {
          long age = index.copyState().ageMillis();
          return age < 0 ? -1.0 : age / 1000.0;
        });
    metrics.gauge(
        "catalogue.copy.devices",
        "Devices on sale in this instance's catalogue copy",
        MetricUnits.NONE,
        () -> index.copyState().devices());
  }
}
