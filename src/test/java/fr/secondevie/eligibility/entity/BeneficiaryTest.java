package fr.secondevie.eligibility.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BeneficiaryTest {

  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

  @Test
  void identifiersAreUnguessableAndUnambiguous() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = Beneficiary.newId();
      assertThat(id).hasSize(16).matches("[2-9A-HJKMNP-Z]{16}");
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void aScannedOrTypedIdentifierIsNormalised() {
    Beneficiary b = new Beneficiary(1, "dossier 42", 3, "80000", NOW);
    assertThat(Beneficiary.normalise(b.displayId().toLowerCase())).isEqualTo(b.id());
    assertThat(b.displayId()).matches("(.{4}-){3}.{4}");
  }

  @Test
  void keepsOnlyWhatTheChainNeeds() {
    assertThatThrownBy(() -> new Beneficiary(1, "", 3, "80000", NOW))
        .hasMessageContaining("file reference");
    assertThatThrownBy(() -> new Beneficiary(1, "d", 0, "80000", NOW))
        .hasMessageContaining("household");
    assertThatThrownBy(() -> new Beneficiary(1, "d", 2, "8000", NOW))
        .hasMessageContaining("postal code");
  }

  @Test
  void anonymisationForgetsThePersonButKeepsTheDepartment() {
    Beneficiary b = new Beneficiary(1, "dossier 42", 3, "80090", NOW);
    b.anonymise(NOW.plusMonths(25));
    assertThat(b.fileReference()).isNull();
    assertThat(b.householdSize()).isNull();
    assertThat(b.postalCode()).isEqualTo("80");
    assertThat(b.isAnonymised()).isTrue();
  }

  @Test
  void aDecisionTakesTheRulesInForceAndTouchesTheLastContact() {
    Beneficiary b = new Beneficiary(1, "dossier 42", 3, "80090", NOW);
    EligibilityDecision d =
        EligibilityDecision.take(
            b,
            RuleSetTest.version1(),
            Set.of("RSA"),
            "Attestation CAF",
            NOW.toLocalDate().minusDays(2),
            null,
            "social",
            NOW.plusDays(1));
    assertThat(d.decision()).isEqualTo(EligibilityDecision.Outcome.ELIGIBLE);
    assertThat(d.ruleSetVersion()).isEqualTo(1);
    assertThat(d.isEligibleOn(d.validUntil())).isTrue();
    assertThat(d.isEligibleOn(d.validUntil().plusDays(1))).isFalse();
    assertThat(b.lastContactAt()).isEqualTo(NOW.plusDays(1));
  }
}
