package fr.secondevie.platform.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount of euros held as an exact number of cents. Every price, voucher value, payment and
 * receipt amount in the application is a {@code Money}; arithmetic never goes through floating
 * point and never truncates silently: divisions and percentages name their rounding.
 */
public record Money(long cents) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);
  public static final String CURRENCY = "EUR";

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  public static Money ofEuros(long euros) {
    return new Money(Math.multiplyExact(euros, 100L));
  }

  /** Parses "12", "12.5" or "12,50" (euros) exactly; more than two decimals is refused. */
  public static Money parse(String euros) {
    BigDecimal value = new BigDecimal(euros.trim().replace(',', '.'));
    if (value.scale() > 2) {
      throw new IllegalArgumentException("More than two decimals in an amount: " + euros);
    }
    return new Money(value.movePointRight(2).longValueExact());
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(cents, other.cents));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(cents, factor));
  }

  /** This amount times {@code percent}/100, rounded half-up to the cent. */
  public Money percent(BigDecimal percent, RoundingMode rounding) {
    return new Money(
        BigDecimal.valueOf(cents)
            .multiply(percent)
            .divide(BigDecimal.valueOf(100), 0, rounding)
            .longValueExact());
  }

  /** Rounds to a whole number of euros with the given rounding. */
  public Money roundToEuro(RoundingMode rounding) {
    return new Money(
        BigDecimal.valueOf(cents)
            .movePointLeft(2)
            .setScale(0, rounding)
            .movePointRight(2)
            .longValueExact());
  }

  public Money min(Money other) {
    return cents <= other.cents ? this : other;
  }

  public Money max(Money other) {
    return cents >= other.cents ? this : other;
  }

  public boolean isNegative() {
    return cents < 0;
  }

  public boolean isZero() {
    return cents == 0;
  }

  public boolean isGreaterThan(Money other) {
    return cents > other.cents;
  }

  public BigDecimal toEuros() {
    return BigDecimal.valueOf(cents, 2);
  }

  /** French display, e.g. "1 234,56 €" (narrow no-break space as the grouping separator). */
  public String format(Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(java.util.Currency.getInstance(CURRENCY));
    return format.format(toEuros());
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  @Override
  public String toString() {
    return toEuros().toPlainString() + " " + CURRENCY;
  }
}
