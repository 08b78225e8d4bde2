package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.JobLeases;
import fr.secondevie.platform.control.JobLeases.JobState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The jobs' leases as the readiness check reports them: this instance's id, each scheduled job's
 * last outcome, when and where, and how many batches wait to be taken over. Down only when the
 * leases cannot be read; a job late or a batch waiting is the whole system's, not a reason to take
 * this instance out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class JobsReadiness implements HealthCheck {

  @Inject JobLeases leases;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("job-leases").withData("instance", leases.instanceId());
    try {
      for (JobState job : leases.states(null, 1)) {
        if (job.kind().equals("SCHEDULED")) {
          response.withData(
              job.name(),
              job.lastOutcome() == null
                  ? "never run"
                  : job.lastOutcome() + " at " + job.lastRunAt() + " on " + job.lastInstance());
        }
      }
      return response.withData("batchesToTakeOver", leases.lapsedBatches().size()).up().build();
    } catch (RuntimeException e) {
      return response.withData("error", e.getClass().getSimpleName()).down().build();
    }
  }
}
