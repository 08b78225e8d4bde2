package fr.secondevie.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @Test
  void addsAndSubtractsExactly() {
    assertThat(Money.ofCents(10).plus(Money.ofCents(20))).isEqualTo(Money.ofCents(30));
    assertThat(Money.parse("0,10").plus(Money.parse("0.20"))).isEqualTo(Money.parse("0.30"));
    assertThat(Money.ofEuros(127).minus(Money.ofCents(1))).isEqualTo(Money.ofCents(12699));
  }

  @Test
  void refusesOverflowInsteadOfWrappingAround() {
    assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void refusesMoreThanTwoDecimals() {
    assertThatThrownBy(() -> Money.parse("1.005")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "12999, 30, 3900",
    "12999, 50, 6500",
    "101, 50, 51",
    "1, 33, 0",
    "18000, 0, 0",
  })
  void percentRoundsHalfUpToTheCent(long cents, String percent, long expected) {
    assertThat(Money.ofCents(cents).percent(new BigDecimal(percent), RoundingMode.HALF_UP))
        .isEqualTo(Money.ofCents(expected));
  }

  @ParameterizedTest
  @CsvSource({"12950, HALF_UP, 13000", "12949, HALF_UP, 12900", "12901, DOWN, 12900"})
  void roundsToTheEuro(long cents, RoundingMode mode, long expected) {
    assertThat(Money.ofCents(cents).roundToEuro(mode)).isEqualTo(Money.ofCents(expected));
  }

  @Test
  void formatsInFrench() {
    assertThat(Money.ofCents(123456).format(Locale.FRANCE)).isEqualTo("1\u202f234,56\u00a0€");
    assertThat(Money.ofCents(4100).toString()).isEqualTo("41.00 EUR");
  }

  @Test
  void comparesByAmount() {
    assertThat(Money.ofCents(5).min(Money.ofCents(3))).isEqualTo(Money.ofCents(3));
    assertThat(Money.ofCents(5).isGreaterThan(Money.ofCents(3))).isTrue();
    assertThat(Money.ZERO.isZero()).isTrue();
    assertThat(Money.ofCents(-1).isNegative()).isTrue();
  }
}
