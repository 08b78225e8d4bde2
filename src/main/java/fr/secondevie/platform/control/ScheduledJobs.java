package fr.secondevie.platform.control;

import fr.secondevie.platform.control.JobLeases.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a scheduled job's work once per period across every instance on the database. Each
 * instance's timer fires (EJB timers are not shared); the one that claims the period in {@code
 * job_lease} runs the work, the others do nothing. The outcome, the instance and the time are
 * written back for {@code /api/v1/jobs}, and logged as one line of {@code key=value}.
 */
@ApplicationScoped
public class ScheduledJobs {

  private static final Logger LOG = Logger.getLogger(ScheduledJobs.class.getName());

  @Inject JobLeases leases;
  @Inject Clock clock;

  /**
   * Runs {@code work} if this instance claims the current period of {@code job} (its timer fires
   * every {@code period}); the work answers a short account of what it did.
   *
   * @return whether it ran here
   */
  public boolean runOnce(String job, Duration period, Supplier<String> work) {
    LocalDateTime start = periodStart(LocalDateTime.now(clock), period);
    // held for five sixths of the period: a run that died with its instance blocks no next period
    if (!leases.claimPeriod(job, start, period.multipliedBy(5).dividedBy(6))) {
      return false;
    }
    long began = System.nanoTime();
    try {
      String detail = work.get();
      leases.release(job, Outcome.SUCCEEDED, detail);
      // a run that did something is worth a line; one that found nothing to do, only on demand
      LOG.log(
          detail != null && !detail.startsWith("0 ") ? Level.INFO : Level.FINE,
          () -> line(job, start, "SUCCEEDED", began, detail));
    } catch (RuntimeException e) {
      leases.release(job, Outcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
      LOG.log(Level.SEVERE, line(job, start, "FAILED", began, String.valueOf(e.getMessage())), e);
    }
    return true;
  }

  private String line(String job, LocalDateTime start, String outcome, long began, String detail) {
    return LogLine.of("job")
        .with("job", job)
        .with("period", start)
        .with("instance", leases.instanceId())
        .with("outcome", outcome)
        .with("durationMs", (System.nanoTime() - began) / 1_000_000)
        .with("detail", detail)
        .toString();
  }

  /**
   * The start of the period {@code now} falls in: periods of less than a day are counted from
   * midnight (a job of every ten minutes: 10:20, 10:30...), longer ones are the day. Every instance
   * whose timer fires for that period finds the same start, even a little late.
   */
  static LocalDateTime periodStart(LocalDateTime now, Duration period) {
    LocalDateTime midnight = now.toLocalDate().atStartOfDay();
    long seconds = period.getSeconds();
    if (seconds >= Duration.ofDays(1).getSeconds() || seconds <= 0) {
      return midnight;
    }
    long ofDay = now.toLocalTime().toSecondOfDay();
    return midnight.plusSeconds(ofDay / seconds * seconds);
  }
}
