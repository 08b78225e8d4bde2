package fr.secondevie.platform.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every fifteen seconds, once across all instances: the batches whose instance stopped renewing
 * their lease (it died, or lost the database) are taken over by this instance and go on from where
 * their last committed step left them.
 */
@Singleton
public class BatchTakeoverJob {

  private static final Logger LOG = Logger.getLogger(BatchTakeoverJob.class.getName());

  @Inject ScheduledJobs jobs;
  @Inject JobLeases leases;
  @Inject @Any Instance<ResumableBatches> kinds;

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyFifteenSeconds() {
    jobs.runOnce("batch-takeover", Duration.ofSeconds(15), () -> takeOverLapsed() + " taken over");
  }

  /**
   * Takes over every lapsed batch lease this instance wins.
   *
   * @return how many batches it took over
   */
  public int takeOverLapsed() {
    int taken = 0;
    for (String name : leases.lapsedBatches()) {
      for (ResumableBatches kind : kinds) {
        if (!name.startsWith(kind.leasePrefix())) {
          continue;
        }
        Optional<String> token = leases.takeOver(name);
        if (token.isPresent()) {
          long id = Long.parseLong(name.substring(kind.leasePrefix().length()));
          LOG.warning(
              () ->
                  LogLine.of("batch-takeover")
                      .with("batch", name)
                      .with("instance", leases.instanceId())
                      .toString());
          kind.resume(id, token.get());
          taken++;
        }
      }
    }
    return taken;
  }
}
