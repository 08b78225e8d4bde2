package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

  private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456789Z");

  @Test
  void theTimeIsCutToTheMicrosecondTheDatabasesStore() {
    Clock clock = new ClockProducer.Microseconds(Clock.fixed(AT, ClockProducer.BUSINESS_ZONE));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-01T10:15:30.123456Z"));
    assertThat(LocalDateTime.now(clock))
        .isEqualTo(LocalDateTime.parse("2026-12-01T11:15:30.123456"));
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void itStillAnswersInMillisecondsAsStripesSignatureCheckAsks() {
    Clock clock = new ClockProducer.Microseconds(Clock.fixed(AT, ClockProducer.BUSINESS_ZONE));
    assertThat(clock.millis()).isEqualTo(AT.toEpochMilli());
    assertThat(new ClockProducer().clock().millis())
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
  }

  @Test
  void viewScopedPagesCanKeepIt() throws Exception {
    Clock clock = new ClockProducer().clock();
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(clock);
    }
    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(((Clock) in.readObject()).getZone()).isEqualTo(ClockProducer.BUSINESS_ZONE);
    }
  }
}
