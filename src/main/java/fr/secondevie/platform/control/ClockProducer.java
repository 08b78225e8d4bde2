package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The one source of "now" for the application. Business time is French time: a voucher valid until
 * 31 December is valid until midnight in Paris. Tests replace it with a fixed clock.
 */
@ApplicationScoped
public class ClockProducer {

  public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");

  @Produces
  Clock clock() {
    return Clock.system(BUSINESS_ZONE);
  }
}
