package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.CatalogueIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this instance holds its copy of the catalogue (read in the background at start-up): a
 * load balancer sends it no visitor before, who would wait for the first reading. Reports how many
 * devices the copy holds and how old it is.
 */
@Readiness
@ApplicationScoped
public class CatalogueReadiness implements HealthCheck {

  @Inject CatalogueIndex index;

  @Override
  public HealthCheckResponse call() {
    CatalogueIndex.CopyState copy = index.copyState();
    return HealthCheckResponse.named("catalogue-copy")
        .status(copy.loaded())
        .withData("devices", copy.devices())
        .withData("ageSeconds", copy.loaded() ? copy.ageMillis() / 1000 : -1)
        .build();
  }
}
