package fr.secondevie.organisations.boundary;

import fr.secondevie.platform.control.ClockProducer;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Instants of the directory as the API gives them: with the offset of France at that moment. */
final class Moments {

  private Moments() {}

  static OffsetDateTime of(LocalDateTime at) {
    return at == null ? null : at.atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime();
  }
}
