package fr.secondevie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondeVieAuthenticationTest {

  @Test
  void aUserNameThatFitsAndAPasswordWithoutControlCharactersAreChecked() {
    assertThat(SecondeVieAuthentication.plausible("relais", "demo")).isTrue();
    assertThat(SecondeVieAuthentication.plausible("r".repeat(100), "mot de passe é")).isTrue();
  }

  @Test
  void userNamesThatCannotBeAUserAreRefusedBeforeAnyCheck() {
    assertThat(SecondeVieAuthentication.plausible("r".repeat(101), "demo")).isFalse();
    assertThat(SecondeVieAuthentication.plausible(" ", "demo")).isFalse();
    assertThat(SecondeVieAuthentication.plausible(null, "demo")).isFalse();
    assertThat(SecondeVieAuthentication.plausible("rel\0ais", "demo")).isFalse();
  }

  @Test
  void passwordsWithControlCharactersAreRefused() {
    assertThat(SecondeVieAuthentication.plausible("relais", "demo\0")).isFalse();
    assertThat(SecondeVieAuthentication.plausible("relais", "demo\n")).isFalse();
    assertThat(SecondeVieAuthentication.plausible("relais", "de\u007fmo")).isFalse();
    assertThat(SecondeVieAuthentication.plausible("relais", "demo\u0085")).isFalse();
    assertThat(SecondeVieAuthentication.plausible("relais", null)).isFalse();
  }
}
