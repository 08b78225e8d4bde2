package fr.secondevie.eligibility.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.platform.entity.DeviceCategory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of version 1 of the migration, applied to the cases a social worker meets. */
class RuleSetTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  static RuleSet version1() {
    return new RuleSet(
        1,
        12,
        12,
        6,
        List.of(
            new RuleSet.CriterionTier("RSA", 1),
            new RuleSet.CriterionTier("AAH", 1),
            new RuleSet.CriterionTier("CSS", 1),
            new RuleSet.CriterionTier("JOB_SEEKER", 2),
            new RuleSet.CriterionTier("STUDENT_GRANT", 2)),
        List.of(new RuleSet.QuotientTier(60_000, 1), new RuleSet.QuotientTier(80_000, 2)),
        List.of(
            new RuleSet.Quota(DeviceCategory.LAPTOP, 1),
            new RuleSet.Quota(DeviceCategory.SMARTPHONE, 1)),
        "admin",
        LocalDateTime.of(2026, 1, 1, 0, 0),
        null);
  }

  @ParameterizedTest(name = "criteria [{0}] QF {1} -> {2} tier {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "RSA, -, true, 1",
        "JOB_SEEKER, -, true, 2",
        "JOB_SEEKER RSA, -, true, 1",
        "STUDENT_GRANT, 55000, true, 1",
        "-, 60000, true, 1",
        "-, 60001, true, 2",
        "-, 80000, true, 2",
        "-, 80001, false, -",
        "ASPA, -, false, -",
        "ASPA, 90000, false, -",
      })
  void theBestTierAmongCriteriaAndQuotientWins(
      String criteria, Long quotient, boolean eligible, Integer tier) {
    Verdict verdict = version1().decide(set(criteria), TODAY.minusDays(3), quotient, TODAY);
    assertThat(verdict.eligible()).isEqualTo(eligible);
    assertThat(verdict.tier()).isEqualTo(tier);
    if (eligible) {
      assertThat(verdict.validUntil()).isEqualTo(LocalDate.of(2027, 11, 26));
      assertThat(verdict.reason()).isNull();
    } else {
      assertThat(verdict.reason()).isNotBlank();
      assertThat(verdict.validUntil()).isNull();
    }
  }

  @Test
  void refusalsSayWhyInPlainFrench() {
    assertThat(version1().decide(set("ASPA"), TODAY, null, TODAY).reason())
        .isEqualTo("Critères non retenus par le règlement en vigueur : ASPA.");
    assertThat(version1().decide(Set.of(), TODAY, 95_000L, TODAY).reason())
        .isEqualTo("Quotient familial de 950,00\u00a0€ au-dessus du plafond de 800,00\u00a0€.");
  }

  @Test
  void aProofOlderThanAllowedIsRefusedWhateverTheCriteria() {
    Verdict tooOld = version1().decide(set("RSA"), TODAY.minusMonths(6).minusDays(1), null, TODAY);
    assertThat(tooOld.eligible()).isFalse();
    assertThat(tooOld.reason()).contains("moins de 6 mois");
    assertThat(version1().decide(set("RSA"), TODAY.minusMonths(6), null, TODAY).eligible())
        .isTrue();
  }

  @Test
  void quotasAreReadByCategory() {
    assertThat(version1().quotaByCategory())
        .containsEntry(DeviceCategory.LAPTOP, 1)
        .containsEntry(DeviceCategory.SMARTPHONE, 1);
  }

  @Test
  void refusesIncoherentRules() {
    assertThatThrownBy(
            () ->
                new RuleSet(
                    2,
                    12,
                    12,
                    6,
                    List.of(new RuleSet.CriterionTier("LOTTERY", 1)),
                    List.of(),
                    List.of(),
                    "admin",
                    LocalDateTime.now(),
                    null))
        .hasMessageContaining("unknown criterion");
    assertThatThrownBy(
            () ->
                new RuleSet(
                    2,
                    0,
                    12,
                    6,
                    List.of(),
                    List.of(),
                    List.of(),
                    "admin",
                    LocalDateTime.now(),
                    null))
        .hasMessageContaining("validity");
    assertThatThrownBy(
            () ->
                new RuleSet(
                    2,
                    12,
                    12,
                    6,
                    List.of(),
                    List.of(),
                    List.of(
                        new RuleSet.Quota(DeviceCategory.LAPTOP, 1),
                        new RuleSet.Quota(DeviceCategory.LAPTOP, 2)),
                    "admin",
                    LocalDateTime.now(),
                    null))
        .hasMessageContaining("one quota");
  }

  private static Set<String> set(String criteria) {
    return criteria == null
        ? Set.of()
        : Arrays.stream(criteria.split(" ")).collect(Collectors.toSet());
  }
}
