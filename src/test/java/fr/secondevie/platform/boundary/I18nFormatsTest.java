package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The pages' formats: French on French pages, English on English ones, never ISO or a code. */
class I18nFormatsTest {

  private static final Clock PARIS =
      Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneId.of("Europe/Paris"));
  private final I18n fr = I18n.of(Locale.FRENCH, PARIS);
  private final I18n en = I18n.of(Locale.ENGLISH, PARIS);

  @Test
  void daysInWordsSayFirstInFrench() {
    assertThat(fr.day(LocalDate.of(2027, 12, 1))).isEqualTo("1er décembre 2027");
    assertThat(fr.day(LocalDate.of(2027, 11, 26))).isEqualTo("26 novembre 2027");
    assertThat(en.day(LocalDate.of(2027, 12, 1))).isEqualTo("1 December 2027");
    assertThat(fr.day(null)).isEmpty();
  }

  @Test
  void tablesShowDaysTheFrenchWayAndInstantsInParisTime() {
    assertThat(fr.date(LocalDate.of(2026, 11, 1))).isEqualTo("01/11/2026");
    assertThat(en.date(LocalDate.of(2026, 11, 1))).isEqualTo("1 Nov 2026");
    // 23:30 UTC on 30 November is already 1 December in Paris
    OffsetDateTime lateEvening = OffsetDateTime.of(2026, 11, 30, 23, 30, 0, 0, ZoneOffset.UTC);
    assertThat(fr.date(lateEvening)).isEqualTo("01/12/2026");
    assertThat(fr.moment(lateEvening)).isEqualTo("01/12/2026 00:30");
    assertThat(en.moment(lateEvening.toInstant())).isEqualTo("1 Dec 2026, 00:30");
  }

  @Test
  void monthsAreWordsNotIsoCodes() {
    assertThat(fr.month("2026-12")).isEqualTo("décembre 2026");
    assertThat(fr.month(YearMonth.of(2026, 2))).isEqualTo("février 2026");
    assertThat(en.month("2026-12")).isEqualTo("December 2026");
  }

  @Test
  void numbersHaveTheLanguagesMarks() {
    assertThat(fr.count(100_000)).isEqualTo("100\u202f000");
    assertThat(en.count(100_000)).isEqualTo("100,000");
    assertThat(fr.decimal(new BigDecimal("27"), 2)).isEqualTo("27,00");
    assertThat(fr.decimal(new BigDecimal("1234.5"), 1)).isEqualTo("1\u202f234,5");
    assertThat(en.decimal(new BigDecimal("27"), 2)).isEqualTo("27.00");
    assertThat(fr.euros(123_456)).isEqualTo("1\u202f234,56\u00a0€");
    assertThat(en.euros(5_000)).isEqualTo("€50.00");
  }

  @Test
  void singularAndPluralFollowTheLanguage() {
    assertThat(fr.plural("impact.reused", 0)).isEqualTo("appareil réemployé");
    assertThat(fr.plural("impact.reused", 1)).isEqualTo("appareil réemployé");
    assertThat(fr.plural("impact.reused", 2)).isEqualTo("appareils réemployés");
    assertThat(en.plural("impact.reused", 0)).isEqualTo("devices reused");
    assertThat(en.plural("impact.people", 1)).isEqualTo("person equipped");
  }
}
