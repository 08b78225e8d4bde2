package fr.secondevie.vouchers.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.platform.entity.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoucherProgrammeTest {

  private static VoucherProgramme pass(int toleranceDays, List<String> prefixes) {
    return new VoucherProgramme(
        7L,
        "Pass numérique 2026",
        VoucherKind.PASS_NUMERIQUE,
        Money.ofEuros(10),
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        toleranceDays,
        false,
        prefixes,
        null,
        LocalDateTime.of(2026, 1, 1, 9, 0));
  }

  @Test
  void aPassValidToDecemberIsStillTakenDuringTheMonthOfTolerance() {
    VoucherProgramme programme = pass(31, List.of());
    assertThat(programme.lastDayAccepted()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(programme.isExpiredOn(LocalDate.of(2027, 1, 31))).isFalse();
    assertThat(programme.isExpiredOn(LocalDate.of(2027, 2, 1))).isTrue();
    assertThat(programme.expiryDay()).isEqualTo(LocalDate.of(2027, 2, 1));
  }

  @Test
  void withoutToleranceItExpiresTheDayAfterItsValidity() {
    VoucherProgramme programme = pass(0, List.of());
    assertThat(programme.isExpiredOn(LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(programme.isExpiredOn(LocalDate.of(2027, 1, 1))).isTrue();
    assertThat(programme.hasStartedOn(LocalDate.of(2025, 12, 31))).isFalse();
  }

  @Test
  void theTerritoryIsAListOfPostalCodePrefixes() {
    VoucherProgramme somme = pass(0, List.of("80", "600"));
    assertThat(somme.coversPostalCode("80100")).isTrue();
    assertThat(somme.coversPostalCode("60000")).isTrue();
    assertThat(somme.coversPostalCode("60100")).isFalse();
    assertThat(somme.coversPostalCode(null)).isFalse();
    assertThat(pass(0, List.of()).coversPostalCode("75001")).isTrue();
    assertThat(somme.prefixes()).containsExactly("80", "600");
  }

  @Test
  void aProgrammeRefusesNonsense() {
    assertThatThrownBy(
            () ->
                new VoucherProgramme(
                    1L,
                    "x",
                    VoucherKind.PASS_NUMERIQUE,
                    Money.ZERO,
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 2, 1),
                    0,
                    false,
                    List.of(),
                    null,
                    LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new VoucherProgramme(
                    1L,
                    "x",
                    VoucherKind.PASS_NUMERIQUE,
                    Money.ofEuros(10),
                    LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 2, 1),
                    0,
                    false,
                    List.of(),
                    null,
                    LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pass(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pass(0, List.of("8O"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBatchShowsItsProgressInPercent() {
    IssuanceBatch batch = new IssuanceBatch(1L, 100_000, null, "financeur", LocalDateTime.now());
    assertThat(batch.percent()).isZero();
    assertThat(batch.status()).isEqualTo(IssuanceBatch.Status.RUNNING);
    assertThatThrownBy(() -> new IssuanceBatch(1L, 100_001, null, "f", LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IssuanceBatch(1L, 0, null, "f", LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRelayStatementNamesItsRelayAndACreditDoesNot() {
    assertThatThrownBy(
            () ->
                new Statement(
                    1L,
                    null,
                    Statement.Kind.RELAY_PAYMENT,
                    java.time.YearMonth.of(2026, 11),
                    1,
                    Money.ofEuros(10),
                    LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class);
    Statement credit =
        new Statement(
            1L,
            null,
            Statement.Kind.FUNDER_CREDIT,
            java.time.YearMonth.of(2026, 11),
            3,
            Money.ofEuros(30),
            LocalDateTime.now());
    assertThat(credit.status()).isEqualTo(Statement.Status.DRAFT);
    assertThat(credit.period()).hasToString("2026-11");
  }
}
