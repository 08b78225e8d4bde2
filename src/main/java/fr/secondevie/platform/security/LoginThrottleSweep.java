package fr.secondevie.platform.security;

import fr.secondevie.platform.control.ScheduledJobs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Keeps the login counters to those that matter: every ten minutes, the counters nobody tried for
 * an hour and that lock nothing are deleted, so guesses from ever new addresses or names do not
 * grow the table without end. It runs once per ten minutes across all instances ({@link
 * ScheduledJobs}); two sweeps meeting would delete the same rows, harmlessly.
 */
@Singleton
public class LoginThrottleSweep {

  @Inject LoginThrottle.Counters counters;
  @Inject Clock clock;
  @Inject ScheduledJobs jobs;

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyTenMinutes() {
    jobs.runOnce(
        "login-throttle-sweep",
        Duration.ofMinutes(10),
        () -> counters.sweep(LocalDateTime.now(clock)) + " counters swept");
  }
}
