package fr.secondevie.organisations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.entity.BusinessException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of accounts that need no server: passwords, roles that fit, names, link tokens. */
class AccountRulesTest {

  @Test
  void aPasswordHasTwelveCharactersAtLeastCountedAsCharactersNotBytes() {
    assertThatThrownBy(() -> Passwords.requireStrong("onze caract"))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("WEAK_PASSWORD"));
    assertThatThrownBy(() -> Passwords.requireStrong(null)).isInstanceOf(BusinessException.class);
    assertThatThrownBy(() -> Passwords.requireStrong(" ".repeat(20)))
        .isInstanceOf(BusinessException.class);
    Passwords.requireStrong("douze caract");
    // 12 characters, 24 bytes in UTF-8 and 13 UTF-16 units for the last one
    Passwords.requireStrong("éééééééééé€𝄞");
    assertThatThrownBy(() -> Passwords.requireStrong("x".repeat(201)))
        .isInstanceOf(BusinessException.class);
  }

  @Test
  void eachKindAllowsTheRolesOfItsWork() {
    assertThat(OrganisationKind.COMPANY.allowedRoles()).containsExactly("donor");
    assertThat(OrganisationKind.AUTHORITY.allowedRoles())
        .containsExactlyInAnyOrder("funder", "donor");
    assertThat(OrganisationKind.RELAY.allowedRoles()).containsExactly("counter");
    assertThat(OrganisationKind.REFURBISHER.allowedRoles()).containsExactly("refurbisher");
    assertThat(OrganisationKind.SOCIAL_STRUCTURE.allowedRoles()).containsExactly("social-worker");
    for (OrganisationKind kind : OrganisationKind.values()) {
      assertThat(kind.allowedRoles()).contains(kind.firstRole()).doesNotContain("national");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+33 1 23", "-2+3", "@SUM(A1)", " =1+1"})
  void anOrganisationsNameIsNeverAFormula(String name) {
    assertThatThrownBy(() -> new Organisation(name, OrganisationKind.COMPANY, LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNameWithHtmlIsKeptAsItIsWrittenForThePagesToEscape() {
    assertThat(
            new Organisation("Pixels <b>& Cie</b>", OrganisationKind.COMPANY, LocalDateTime.now())
                .name())
        .isEqualTo("Pixels <b>& Cie</b>");
  }

  @Test
  void onlyTheTokensHashIsKeptAndItIsTheSha256OfTheToken() {
    assertThat(Accounts.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
