package fr.secondevie.devices.boundary;

import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.entity.BusinessException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Dates as integrators send them: an ISO-8601 date ({@code 2026-11-20}, taken as midnight), a local
 * date-time (French time) or a date-time with an offset ({@code ...Z}, converted to French time).
 */
final class Timestamps {

  static final String ISO =
      "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?";

  private Timestamps() {}

  static LocalDateTime parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay();
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(value)
            .atZoneSameInstant(ClockProducer.BUSINESS_ZONE)
            .toLocalDateTime();
      }
      return LocalDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw BusinessException.badRequest("INVALID_INPUT", "Not a valid date: " + value);
    }
  }
}
