package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for the application. Business time is French time: a voucher valid until
 * 31 December is valid until midnight in Paris. It reads the time in microseconds, the precision of
 * the timestamps both databases store, so that the answer to an act and the answer to its retry
 * (read back from the database) show the same instant. Tests replace it with a fixed clock.
 */
@ApplicationScoped
public class ClockProducer {

  public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");

  /**
   * How far back the demo story plays (milliseconds; zero but while {@link DemoStory} plays the
   * past months of a new demo instance through the API).
   */
  private static final java.util.concurrent.atomic.AtomicLong STORY_SHIFT =
      new java.util.concurrent.atomic.AtomicLong();

  static void storyShift(java.time.Duration back) {
    STORY_SHIFT.set(back.toMillis());
  }

  @Produces
  Clock clock() {
    return new Microseconds(Clock.system(BUSINESS_ZONE));
  }

  /**
   * The system clock cut to the microsecond. Not {@code Clock.tick(clock, 1 µs)}: its {@code
   * millis()} divides by the tick in whole milliseconds, zero, and Stripe's signature check reads
   * {@code millis()}.
   */
  static final class Microseconds extends Clock implements Serializable {

    // Serializable like the system clock it wraps: view-scoped pages keep the Clock they inject.
    private static final long serialVersionUID = 1L;

    private final Clock base;

    Microseconds(Clock base) {
      this.base = base;
    }

    @Override
    public ZoneId getZone() {
      return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new Microseconds(base.withZone(zone));
    }

    @Override
    public Instant instant() {
      return base.instant().minusMillis(STORY_SHIFT.get()).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
      return base.millis() - STORY_SHIFT.get();
    }
  }
}
