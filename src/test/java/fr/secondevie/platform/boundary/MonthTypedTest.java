package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MonthTypedTest {

  @ParameterizedTest
  @ValueSource(strings = {"11/2026", "11-2026", "2026-11", " 11 / 2026 ", "2026/11", "11.2026"})
  void readsTheWaysPeopleTypeAMonth(String typed) {
    assertThat(MonthTyped.read(typed)).contains(YearMonth.of(2026, 11));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"2026-13", "13/2026", "0/2026", "novembre", "2026", "11/26", "abc"})
  void saysNothingOfWhatIsNotAMonth(String typed) {
    assertThat(MonthTyped.read(typed)).isEmpty();
  }
}
