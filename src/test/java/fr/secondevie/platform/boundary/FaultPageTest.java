package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fault page offers what fits the person and says what was kept. */
class FaultPageTest {

  @Test
  void aLoggedInAgentIsNotAskedToLogInAndIsToldTheOrderIsKept() {
    String page = FaultPage.html(true, "/app/counter/sale.xhtml", "incident-42");
    assertThat(page)
        .doesNotContain("Se connecter")
        .contains("href=\"/app/counter/sale.xhtml\">Retour à l’écran de vente")
        .contains("href=\"/app/index.xhtml\">Retour à mon espace")
        .contains("Les commandes en cours restent enregistrées")
        .contains("incident-42");
  }

  @Test
  void anotherLoggedInPersonGoesBackToTheirSpace() {
    String page = FaultPage.html(true, "/app/funder/programme.xhtml", "incident-43");
    assertThat(page)
        .doesNotContain("Se connecter")
        .doesNotContain("écran de vente")
        .contains("Ce qui était enregistré avant l’erreur est gardé")
        .contains("Retour à mon espace");
  }

  @Test
  void aVisitorMayGoHomeOrLogIn() {
    String page = FaultPage.html(false, "/catalogue/index.xhtml", "incident-44");
    assertThat(page)
        .contains("Se connecter")
        .contains("Retour à l’accueil")
        .contains("lang=\"fr\"");
  }
}
