package fr.secondevie.eligibility.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.eligibility.control.DemandFigures.Demand;
import fr.secondevie.eligibility.control.DemandFigures.Figures;
import fr.secondevie.eligibility.control.DemandFigures.Need;
import fr.secondevie.platform.entity.DeviceCategory;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemandFiguresTest {

  static final LocalDateTime JAN = LocalDateTime.of(2026, 1, 10, 9, 0);
  static final LocalDateTime END = LocalDateTime.of(2027, 1, 1, 0, 0);

  @Test
  void countsDiagnosedEligibleEquippedAndWaitingByCategoryWithTheMedianWait() {
    Demand demand =
        DemandFigures.tally(
            List.of(
                new Need("A", DeviceCategory.LAPTOP, JAN, JAN.plusDays(10)),
                new Need("B", DeviceCategory.LAPTOP, JAN, JAN.plusDays(30)),
                new Need("C", DeviceCategory.LAPTOP, JAN, JAN.plusDays(40)),
                new Need("D", DeviceCategory.LAPTOP, JAN, null),
                new Need("E", DeviceCategory.TABLET, JAN, null),
                new Need("F", null, JAN, null),
                // equipped after the period's end: still waiting then
                new Need("G", DeviceCategory.TABLET, JAN, END.plusDays(1))),
            Set.of("A", "B", "C", "D", "G"),
            END);
    assertThat(demand.total()).isEqualTo(new Figures(null, 7, 5, 3, 2, 30.0));
    assertThat(demand.byCategory())
        .containsExactly(
            new Figures(DeviceCategory.LAPTOP, 4, 4, 3, 1, 30.0),
            new Figures(DeviceCategory.TABLET, 2, 1, 0, 1, null));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(DemandFigures.median(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(3.0);
    assertThat(DemandFigures.median(List.of())).isNull();
  }
}
