package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScheduledJobsTest {

  @Test
  void everyInstanceFiringInAPeriodFindsTheSameStartEvenALittleLate() {
    LocalDateTime fired = LocalDateTime.of(2026, 12, 1, 14, 7, 0, 5_000_000);
    LocalDateTime late = LocalDateTime.of(2026, 12, 1, 14, 7, 1, 900_000_000);
    assertThat(ScheduledJobs.periodStart(fired, Duration.ofMinutes(1)))
        .isEqualTo(ScheduledJobs.periodStart(late, Duration.ofMinutes(1)))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 7));
    assertThat(ScheduledJobs.periodStart(late, Duration.ofHours(1)))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 0));
    assertThat(ScheduledJobs.periodStart(late, Duration.ofMinutes(10)))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 0));
    assertThat(ScheduledJobs.periodStart(late, Duration.ofSeconds(15)))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 7, 0));
    assertThat(ScheduledJobs.periodStart(LocalDateTime.of(2026, 12, 1, 3, 17), Duration.ofDays(1)))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
  }

  @Test
  void theNextPeriodStartsAnew() {
    assertThat(
            ScheduledJobs.periodStart(
                LocalDateTime.of(2026, 12, 1, 14, 8, 0), Duration.ofMinutes(1)))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 8));
    assertThat(
            ScheduledJobs.periodStart(
                LocalDateTime.of(2026, 12, 1, 14, 7, 44, 999_999_000), Duration.ofSeconds(15)))
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 7, 30));
  }
}
