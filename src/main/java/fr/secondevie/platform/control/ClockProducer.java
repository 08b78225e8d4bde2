package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for the application. Business time is French time: a voucher valid until
 * 31 December is valid until midnight in Paris. It ticks in microseconds, the precision of the
 * timestamps both databases store, so that the answer to an act and the answer to its retry (read
 * back from the database) show the same instant. Tests replace it with a fixed clock.
 */
@ApplicationScoped
public class ClockProducer {

  public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");

  @Produces
  Clock clock() {
    return Clock.tick(Clock.system(BUSINESS_ZONE), Duration.of(1, ChronoUnit.MICROS));
  }
}
