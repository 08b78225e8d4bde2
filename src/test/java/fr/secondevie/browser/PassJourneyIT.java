package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17, checked in Chromium as a social worker and a counter agent would: the social worker
 * notes what a person needs, validates the person and hands over a booklet of passes; the counter
 * sees the advice, then sells a two-hour workshop paid by two passes to someone with no file; a
 * third person's eligibility is revoked and the counter sees it refused at once. Each new page is
 * checked with axe.
 */
class PassJourneyIT {

  final URL base = Server.shared();
  final Scenarios given = new Scenarios(base);

  @Test
  void diagnosedValidatedHandedOverThenAWorkshopPaidByPassesAndARevocationSeenAtOnce() {
    // what the others did beforehand: a funder's pass programme and its booklet for the CCAS, a
    // laptop and the relay's getting-started workshop on sale at the relay
    Api funder = Api.as(base, "financeur");
    var programme =
        funder.post(
            "api/v1/voucher-programs",
            "{\"name\":\"Pass numérique de la Somme\",\"kind\":\"PASS_NUMERIQUE\","
                + "\"faceValueCents\":1000,\"validFrom\":\""
                + LocalDate.now().minusDays(10)
                + "\",\"validUntil\":\""
                + LocalDate.now().plusYears(1)
                + "\",\"toleranceDays\":31,\"nominative\":false,\"postalCodePrefixes\":[\"80\"]}");
    var allocated =
        funder.post(
            "api/v1/voucher-programs/" + programme.json().getJsonNumber("id") + "/booklets",
            "{\"structureId\":"
                + given.organisationOf("social")
                + ",\"count\":1,\"vouchersPerBooklet\":10}");
    assertThat(allocated.status()).as(allocated.toString()).isEqualTo(201);
    JsonObject booklet = allocated.json().getJsonArray("booklets").getJsonObject(0);
    long bookletId = booklet.getJsonNumber("id").longValue();
    List<String> passes = booklet.getJsonArray("codes").getValuesAs(JsonString::getString);
    // a second booklet stays in the structure's drawer
    String inTheDrawer =
        funder
            .post(
                "api/v1/voucher-programs/" + programme.json().getJsonNumber("id") + "/booklets",
                "{\"structureId\":"
                    + given.organisationOf("social")
                    + ",\"count\":1,\"vouchersPerBooklet\":2}")
            .json()
            .getJsonArray("booklets")
            .getJsonObject(0)
            .getJsonArray("codes")
            .getString(0);
    given.availableDevice("donateur", "LAPTOP", "relais", 15_000);
    String workshopName = "Atelier prise en main " + UUID.randomUUID().toString().substring(0, 4);
    var workshop =
        Api.as(base, "relais")
            .post(
                "api/v1/relays/" + given.organisationOf("relais") + "/services",
                "{\"name\":\""
                    + workshopName
                    + " (2 h)\",\"durationMinutes\":120,\"priceCents\":2000,\"gettingStarted\":true}");
    long workshopId = workshop.json().getJsonNumber("id").longValue();
    String person =
        Api.as(base, "social")
            .post(
                "api/v1/beneficiaries",
                "{\"fileReference\":\"PASS-"
                    + UUID.randomUUID().toString().substring(0, 6)
                    + "\",\"householdSize\":3,\"postalCode\":\"80080\"}")
            .json()
            .getString("id");
    String revoked = given.eligibleBeneficiary("ASS");
    given.openCashDrawer("relais");

    WebDriver social = Browser.start();
    try {
      WebDriverWait wait = Browser.waiting(social, Duration.ofSeconds(30));
      Browser.logIn(social, base, "social", "demo");
      social.get(Browser.page(base, "app/social/beneficiary.xhtml?id=" + person));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("needs:category")));
      social.findElement(By.xpath("//label[contains(., 'Recherche d’emploi')]")).click();
      social.findElement(By.xpath("//label[contains(., 'Démarches administratives')]")).click();
      new Select(social.findElement(By.id("needs:category"))).selectByValue("LAPTOP");
      social.findElement(By.id("needs:training")).click();
      assertThat(Accessibility.violations(social)).as("the person's page with its needs").isEmpty();
      Browser.clickToLeavePage(social, social.findElement(By.id("needs:submit")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("needs-diagnosed")));
      assertThat(social.findElement(By.id("needs:training")).isSelected()).isTrue();
      assertThat(
              new Select(social.findElement(By.id("needs:category")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("LAPTOP");

      social.findElement(By.xpath("//label[contains(., 'RSA')]")).click();
      social.findElement(By.id("decide:proofType")).sendKeys("Attestation CAF");
      ((JavascriptExecutor) social)
          .executeScript(
              "document.getElementById('decide:proofDate').value = arguments[0];",
              LocalDate.now(ZoneId.of("Europe/Paris")).toString());
      Browser.clickToLeavePage(social, social.findElement(By.id("decide:submit")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("eligibility-panel"), "Éligible jusqu'au"));
      assertThat(social.findElement(By.id("advised-category")).getText())
          .contains("Ordinateur portable");

      social.findElement(By.linkText("Carnets de pass")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("booklets")));
      assertThat(social.findElement(By.id("booklet-" + bookletId)).getText())
          .contains("Pass numérique de la Somme")
          .contains("100,00 €");
      assertThat(social.findElement(By.id("print-" + bookletId)).getAttribute("href"))
          .endsWith("/api/v1/booklets/" + bookletId + "/sheet");
      assertThat(Accessibility.violations(social)).as("the structure's booklets").isEmpty();
      Browser.clickToLeavePage(
          social,
          social.findElement(By.cssSelector("#booklet-" + bookletId + " input[type=submit]")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("handed-over-" + bookletId)));
      assertThat(social.findElement(By.id("handed-over-" + bookletId)).getText())
          .contains("au porteur");
      assertThat(social.findElement(By.id("messages")).getText()).contains("remis");
    } finally {
      social.quit();
    }

    WebDriver counter = Browser.start();
    try {
      WebDriverWait wait = Browser.waiting(counter, Duration.ofSeconds(30));
      Browser.logIn(counter, base, "relais", "demo");
      // a pass of a booklet not handed over: the check says it cannot be used
      counter.get(Browser.page(base, "app/counter/voucher-check.xhtml"));
      counter.findElement(By.id("check:code")).sendKeys(inTheDrawer);
      counter.findElement(By.id("check:check-button")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("result"), "pas encore été remis"));
      assertThat(counter.findElement(By.id("result")).getText()).doesNotContain("valable");
      // the diagnosed person: the advice, the laptops on sale here and the workshop
      counter.get(Browser.page(base, "app/counter/sale.xhtml"));
      Browser.submit(wait, counter.findElement(By.id("person")), person);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("suggested")));
      assertThat(counter.findElement(By.id("advised-category")).getText())
          .contains("Ordinateur portable");
      assertThat(counter.findElement(By.id("advised-training")).getText())
          .contains("atelier de prise en main");
      List<WebElement> suggested =
          counter.findElements(By.cssSelector("#suggested a[id^=suggest-]"));
      assertThat(suggested)
          .as("laptops on sale here, the cheapest first")
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(5);
      assertThat(
              counter
                  .findElement(By.cssSelector("label[for=service-" + workshopId + "]"))
                  .getText())
          .contains("conseillé");
      assertThat(counter.getPageSource()).doesNotContain("Recherche d’emploi");
      assertThat(Accessibility.violations(counter)).as("the sale screen's advice").isEmpty();
      Browser.clickToLeavePage(counter, suggested.get(0));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
      assertThat(counter.findElement(By.id("preview")).getText()).contains("Ordinateur portable");

      // a two-hour workshop paid by two passes, for someone with no file
      counter.get(Browser.page(base, "app/counter/sale.xhtml"));
      Browser.clickToLeavePage(counter, counter.findElement(By.id("services-only")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("services-form")));
      assertThat(Accessibility.violations(counter)).as("services without a file").isEmpty();
      counter.findElement(By.id("service-" + workshopId)).click();
      Browser.clickToLeavePage(counter, counter.findElement(By.id("services-form:open")));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("due"), "20,00"));
      Browser.submit(wait, counter.findElement(By.id("voucher")), passes.get(0));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("due"), "10,00"));
      Browser.submit(wait, counter.findElement(By.id("voucher")), passes.get(1));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("due"), "0,00"));
      assertThat(Accessibility.violations(counter)).as("the order paid by passes").isEmpty();
      Browser.clickToLeavePage(counter, counter.findElement(By.id("finish-form:complete")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("order-state"), "Vente terminée"));
      assertThat(counter.findElement(By.id("lines")).getText()).contains(workshopName);

      // revoked, and the counter sees it at once
      counter.get(Browser.page(base, "app/counter/eligibility.xhtml?code=" + revoked));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("eligibility-panel"), "Éligible jusqu'au"));
      var revocation =
          Api.as(base, "social")
              .post(
                  "api/v1/beneficiaries/" + revoked + "/eligibility-revocation",
                  "{\"reason\":\"Déménagement hors du département\"}");
      assertThat(revocation.status()).as(revocation.toString()).isEqualTo(200);
      counter.get(Browser.page(base, "app/counter/sale.xhtml"));
      Browser.submit(wait, counter.findElement(By.id("person")), revoked);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("eligibility-panel"), "Pas éligible aujourd'hui"));
      assertThat(counter.findElements(By.id("scan"))).as("no device can be scanned").isEmpty();
    } finally {
      counter.quit();
    }
  }
}
