package fr.secondevie.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Refusals and revocations (issue 17, part 1): a decision with no criterion is a refusal with its
 * reason; a revocation takes effect at once, at the counter and on an open order, and the history
 * keeps both.
 */
class RevocationIT {

  final URL base = Server.shared();
  final Scenarios given = new Scenarios(base);
  final Api social = Api.as(base, "social");

  private String newPerson() {
    var created =
        social.post(
            "api/v1/beneficiaries",
            "{\"fileReference\":\"R-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"householdSize\":1,\"postalCode\":\"80000\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  @Test
  void aDecisionWithNoCriterionIsARefusalWithItsReason() {
    String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    String person = newPerson();
    var refused =
        social.post(
            "api/v1/beneficiaries/" + person + "/eligibility-decisions",
            "{\"criteria\":[],\"proofType\":\"NONE\",\"proofDate\":\""
                + today
                + "\",\"refusalReason\":\"Ressources au-dessus du plafond\"}");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(201);
    assertThat(refused.json().getString("decision")).isEqualTo("REFUSED");
    assertThat(refused.json().getString("reason")).isEqualTo("Ressources au-dessus du plafond");
    var unexplained =
        social.post(
            "api/v1/beneficiaries/" + newPerson() + "/eligibility-decisions",
            "{\"criteria\":[],\"proofType\":\"NONE\",\"proofDate\":\"" + today + "\"}");
    assertThat(unexplained.json().getString("decision")).isEqualTo("REFUSED");
    assertThat(unexplained.json().getString("reason")).isNotBlank();
    assertThat(
            Api.as(base, "relais")
                .get("api/v1/beneficiaries/" + person + "/eligibility")
                .json()
                .getBoolean("eligible"))
        .isFalse();
  }

  @Test
  void aRevocationTakesEffectAtOnceAtTheCounterAndOnAnOpenOrder() {
    String person = given.eligibleBeneficiary("RSA");
    int device = given.availableDevice("donateur", "LAPTOP", "relais", 15_000);
    long order = given.openOrder("relais", person, device);
    Api counter = Api.as(base, "relais");
    long due = counter.get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
    var paid =
        counter.post(
            "api/v1/orders/" + order + "/payments",
            "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

    String path = "api/v1/beneficiaries/" + person + "/eligibility-revocation";
    assertThat(Api.as(base, "social2").post(path, "{\"reason\":\"x\"}").status())
        .as("another territory's social worker")
        .isEqualTo(404);
    assertThat(counter.post(path, "{\"reason\":\"x\"}").status()).isEqualTo(403);
    assertThat(social.post(path, "{\"reason\":\"\"}").status()).as("a reason").isEqualTo(400);
    var revoked = social.post(path, "{\"reason\":\"Fausse déclaration de ressources constatée\"}");
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    assertThat(revoked.json().getString("decision")).isEqualTo("REVOKED");

    assertThat(
            counter
                .get("api/v1/beneficiaries/" + person + "/eligibility")
                .json()
                .getBoolean("eligible"))
        .as("the counter sees it at once")
        .isFalse();
    var completion = counter.post("api/v1/orders/" + order + "/completion");
    assertThat(completion.status()).as(completion.toString()).isEqualTo(422);
    assertThat(completion.json().getString("code")).isEqualTo("NOT_ELIGIBLE");
    assertThat(counter.get("api/v1/orders/" + order).json().getString("status"))
        .as("nothing sold")
        .isEqualTo("OPEN");

    List<String> history =
        social
            .get("api/v1/beneficiaries/" + person + "/eligibility-decisions")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(d -> d.getString("decision"))
            .toList();
    assertThat(history).containsExactly("REVOKED", "ELIGIBLE");
    var again = social.post(path, "{\"reason\":\"encore\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("NOT_ELIGIBLE");
    counter.post("api/v1/orders/" + order + "/cancellation");
  }

  @Test
  void theSocialWorkerListsThePeopleWhoseEligibilityEndsSoon() throws Exception {
    String soon = given.eligibleBeneficiary("RSA");
    String later = given.eligibleBeneficiary("RSA");
    String revoked = given.eligibleBeneficiary("RSA");
    try (var db = fr.secondevie.testing.TestDatabase.connect();
        var ending =
            db.prepareStatement(
                "update eligibility_decision set valid_until = ? where beneficiary_id = ?")) {
      for (String person : List.of(soon, revoked)) {
        ending.setObject(1, LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(10));
        ending.setString(2, person);
        ending.executeUpdate();
      }
    }
    social.post(
        "api/v1/beneficiaries/" + revoked + "/eligibility-revocation", "{\"reason\":\"Parti\"}");
    List<String> expiring =
        social
            .get("api/v1/beneficiaries?expiringWithinDays=30")
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(b -> b.getString("id"))
            .toList();
    assertThat(expiring).contains(soon).doesNotContain(later, revoked);
    assertThat(Api.as(base, "social2").get("api/v1/beneficiaries?expiringWithinDays=30").body())
        .doesNotContain(soon);
    assertThat(social.get("api/v1/beneficiaries?expiringWithinDays=-1").status()).isEqualTo(400);

    // the social worker's list page shows them first, with the day the eligibility ends
    String reference = social.get("api/v1/beneficiaries/" + soon).json().getString("fileReference");
    WebDriver browser = Browser.start();
    try {
      Browser.logIn(browser, base, "social", "demo");
      browser.get(base + "app/social/beneficiaries.xhtml");
      Browser.waiting(browser, java.time.Duration.ofSeconds(30))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("expiring")));
      assertThat(browser.findElement(By.id("expiring")).getText()).contains(reference);
      assertThat(Accessibility.violations(browser)).as("WCAG 2.1 A/AA").isEmpty();
    } finally {
      browser.quit();
    }
  }

  /**
   * On the person's page: a revocation without a reason is said at its field; with one, it ends.
   */
  @Test
  void theSocialWorkerRevokesOnThePersonsPage() {
    String person = given.eligibleBeneficiary("AAH");
    WebDriver browser = Browser.start();
    try {
      var wait = Browser.waiting(browser, java.time.Duration.ofSeconds(30));
      Browser.logIn(browser, base, "social", "demo");
      browser.get(base + "app/social/beneficiary.xhtml?id=" + person);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke:reason")));
      Browser.clickToLeavePage(browser, browser.findElement(By.id("revoke:submit")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke:reason-error")));
      assertThat(browser.findElement(By.id("revoke:reason-error")).getText())
          .contains("Motif de la révocation");
      browser.findElement(By.id("revoke:reason")).sendKeys("Situation régularisée par la CAF");
      Browser.clickToLeavePage(browser, browser.findElement(By.id("revoke:submit")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("decisions"), "Révoquée"));
      assertThat(browser.findElement(By.id("decisions")).getText())
          .contains("Situation régularisée par la CAF");
      assertThat(browser.findElements(By.id("revoke:reason")))
          .as("nothing left to revoke")
          .isEmpty();
      assertThat(Accessibility.violations(browser)).as("WCAG 2.1 A/AA").isEmpty();
    } finally {
      browser.quit();
    }
  }
}
