package fr.secondevie.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.impact.control.DemandFigures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The median wait, from the histogram of whole days the database counts. */
class DemandFiguresTest {

  @Test
  void anOddCountHasItsMiddleWait() {
    assertThat(DemandFigures.median(Map.of(3L, 1L, 10L, 1L, 400L, 1L))).isEqualByComparingTo("10");
    assertThat(DemandFigures.median(Map.of(7L, 1L))).isEqualByComparingTo("7");
  }

  @Test
  void anEvenCountHasTheMeanOfItsTwoMiddleWaits() {
    assertThat(DemandFigures.median(Map.of(10L, 1L, 367L, 1L))).isEqualByComparingTo("188.5");
    assertThat(DemandFigures.median(Map.of(1L, 2L, 5L, 2L))).isEqualByComparingTo("3");
  }

  @Test
  void manyNeedsWaitingTheSameDaysCountEachOne() {
    // 1 need waited 0 days, 10 waited 2 days, 1 waited 90: the middle ones waited 2
    assertThat(DemandFigures.median(Map.of(0L, 1L, 2L, 10L, 90L, 1L))).isEqualByComparingTo("2");
    assertThat(DemandFigures.median(Map.of(0L, 3L, 30L, 1L))).isEqualByComparingTo("0");
  }

  @Test
  void noNeedMetHasNoMedian() {
    assertThat(DemandFigures.median(Map.of())).isNull();
  }
}
