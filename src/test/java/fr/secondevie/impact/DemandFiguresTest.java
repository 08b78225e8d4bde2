package fr.secondevie.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.impact.control.DemandFigures;
import fr.secondevie.impact.control.DemandFigures.Decision;
import fr.secondevie.impact.control.DemandFigures.Demand;
import fr.secondevie.impact.control.DemandFigures.Equipment;
import fr.secondevie.impact.control.DemandFigures.Need;
import fr.secondevie.platform.entity.DeviceCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demand side of a year, from needs, decisions and devices given. */
class DemandFiguresTest {

  static final LocalDateTime FROM = LocalDateTime.of(2026, 1, 1, 0, 0);
  static final LocalDateTime END = FROM.plusYears(1);

  static Decision eligible(String who, LocalDateTime at) {
    return new Decision(who, "ELIGIBLE", at.toLocalDate().plusMonths(12), at);
  }

  @Test
  void diagnosedEligibleEquippedAndWaitingAreCountedOncePerPerson() {
    LocalDateTime march = LocalDateTime.of(2026, 3, 1, 10, 0);
    List<Need> needs =
        List.of(
            new Need("A", null, march),
            new Need("B", null, march),
            new Need("C", null, march.minusYears(1)),
            new Need("D", null, march));
    List<Decision> decisions =
        List.of(
            eligible("A", march),
            eligible("A", march.plusDays(1)),
            eligible("B", march),
            eligible("C", march.minusYears(1)),
            new Decision("D", "REFUSED", null, march));
    List<Equipment> given =
        List.of(
            new Equipment("A", DeviceCategory.LAPTOP, march.plusDays(10)),
            new Equipment("A", DeviceCategory.SMARTPHONE, march.plusDays(40)),
            new Equipment("C", DeviceCategory.TABLET, march.plusDays(2)));
    Demand d =
        DemandFigures.of(needs, decisions, given, FROM, END, LocalDateTime.of(2026, 6, 1, 0, 0));
    assertThat(d.diagnosed()).as("A, B and D this year; C the year before").isEqualTo(3);
    assertThat(d.eligible()).as("A and B found eligible this year").isEqualTo(2);
    assertThat(d.equipped()).as("A (twice) and C").isEqualTo(2);
    assertThat(d.waiting())
        .as("B eligible with no device; C's eligibility ended in March; D refused")
        .isEqualTo(1);
    assertThat(d.medianWaitDays())
        .as("A waited 10 days, C 367: the median of two is their mean")
        .isEqualByComparingTo("188.5");
    assertThat(d.byCategory()).hasSize(1);
    assertThat(d.byCategory().get(0).category()).isNull();
    assertThat(d.byCategory().get(0).diagnosed()).isEqualTo(3);
  }

  @Test
  void aNeedOfACategoryIsMetOnlyByADeviceOfThatCategoryAfterItsDiagnosis() {
    LocalDateTime may = LocalDateTime.of(2026, 5, 4, 9, 0);
    List<Need> needs =
        List.of(
            new Need("A", DeviceCategory.LAPTOP, may), new Need("B", DeviceCategory.LAPTOP, may));
    List<Equipment> given =
        List.of(
            new Equipment("A", DeviceCategory.SMARTPHONE, may.plusDays(1)),
            new Equipment("A", DeviceCategory.LAPTOP, may.plusDays(7)),
            new Equipment("B", DeviceCategory.LAPTOP, may.minusDays(30)));
    Demand d =
        DemandFigures.of(
            needs, List.of(eligible("A", may), eligible("B", may)), given, FROM, END, END);
    var laptops = d.byCategory().get(0);
    assertThat(laptops.category()).isEqualTo(DeviceCategory.LAPTOP);
    assertThat(laptops.equipped()).isEqualTo(1);
    assertThat(laptops.waiting()).as("B's laptop came before the diagnosis").isEqualTo(1);
    assertThat(laptops.medianWaitDays()).isEqualByComparingTo(BigDecimal.valueOf(7));
  }

  @Test
  void aRevocationEndsTheWait() {
    LocalDateTime june = LocalDateTime.of(2026, 6, 1, 9, 0);
    Demand d =
        DemandFigures.of(
            List.of(new Need("A", null, june)),
            List.of(
                eligible("A", june),
                new Decision("A", "REVOKED", LocalDate.of(2026, 7, 1), june.plusMonths(1))),
            List.of(),
            FROM,
            END,
            END);
    assertThat(d.waiting()).isZero();
    assertThat(d.eligible()).isEqualTo(1);
    assertThat(d.medianWaitDays()).isNull();
  }
}
