package fr.secondevie.platform.boundary;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month as people type it: "11/2026", "11-2026", "2026-11", "11 2026" (a one-digit month too).
 * Empty when it is not a month, so that the page can say so at the field.
 */
public final class MonthTyped {

  private static final Pattern MONTH_FIRST = Pattern.compile("(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{4})");
  private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})\\s*[/.\\- ]\\s*(\\d{1,2})");

  private MonthTyped() {}

  public static Optional<YearMonth> read(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String text = typed.strip();
    Matcher m = MONTH_FIRST.matcher(text);
    if (m.matches()) {
      return of(m.group(2), m.group(1));
    }
    m = YEAR_FIRST.matcher(text);
    return m.matches() ? of(m.group(1), m.group(2)) : Optional.empty();
  }

  private static Optional<YearMonth> of(String year, String month) {
    try {
      return Optional.of(YearMonth.of(Integer.parseInt(year), Integer.parseInt(month)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
