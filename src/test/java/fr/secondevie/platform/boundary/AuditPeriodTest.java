package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.platform.entity.BusinessException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The audit trail's period: days both included, or instants read in France's time. */
class AuditPeriodTest {

  @Test
  void aDayStartsTheFromAndEndsTheTo() {
    assertThat(AuditResource.moment("from", "2026-12-01", false))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
    assertThat(AuditResource.moment("to", "2026-12-01", true))
        .isEqualTo(LocalDateTime.of(2026, 12, 2, 0, 0));
    assertThat(AuditResource.moment("from", " ", false)).isNull();
  }

  @Test
  void anInstantWithItsOffsetIsReadInFrance() {
    assertThat(AuditResource.moment("from", "2026-12-01T13:05:00Z", false))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 5));
    assertThat(AuditResource.moment("from", "2026-07-01T14:05:00+02:00", false))
        .isEqualTo(LocalDateTime.of(2026, 7, 1, 14, 5));
  }

  @Test
  void anythingElseIsRefusedAtItsField() {
    assertThatThrownBy(() -> AuditResource.moment("from", "hier", false))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
    assertThatThrownBy(() -> AuditResource.moment("to", "2026-13-45", true))
        .isInstanceOf(BusinessException.class);
  }
}
