package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Server;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The main journeys in headless Chromium, through the real pages: each role logs in and finds its
 * space and menu; a social worker validates a person whom a counter then finds.
 */
class BrowserJourneysIT {

  final URL base = Server.shared();

  private WebDriver browser;
  private WebDriverWait wait;

  /** One Chromium for the class, as new for each test. */
  @RegisterExtension static final Browser.PerClass BROWSERS = new Browser.PerClass();

  @BeforeEach
  void open() {
    browser = BROWSERS.fresh();
    wait = Browser.waiting(browser, Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "{0} logs in and sees {1}")
  @CsvSource({
    "admin, Espace coordination, Seconde Vie Somme",
    "atelier, Espace atelier, Atelier Réemploi Picard",
    "relais, Espace comptoir, Relais numérique Amiens Nord",
    "relais2, Espace comptoir, Relais numérique Abbeville",
    "social, Espace travailleur social, CCAS d'Amiens",
    "donateur, Espace entreprise donatrice, Picardie Assurances",
    "financeur, Espace financeur, Département de la Somme",
  })
  void eachRoleLogsInAndSeesItsMenu(String username, String space, String organisation) {
    logIn(username, "demo");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu")));
    assertThat(browser.getCurrentUrl()).endsWith("/app/index.xhtml");
    assertThat(browser.findElement(By.cssSelector("nav.main-menu")).getText()).contains(space);
    assertThat(browser.findElement(By.id("current-organisation")).getText()).contains(organisation);
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    if (username.equals("admin")) {
      assertThat(browser.findElement(By.id("menu")).getText()).contains("Organisations et comptes");
    } else {
      assertThat(browser.findElement(By.id("menu")).getText())
          .doesNotContain("Organisations et comptes");
    }

    // the page we are on is also an index.xhtml: wait until the logout's answer replaced it
    Browser.clickToLeavePage(browser, browser.findElement(By.id("logout-form:logout")));
    wait.until(ExpectedConditions.urlContains("/index.xhtml"));
    browser.get(base + "app/index.xhtml");
    wait.until(ExpectedConditions.urlContains("/login.xhtml"));
  }

  @Test
  void aWrongPasswordIsSaidInPlainWordsAndKeepsThePersonOnTheLoginPage() {
    logIn("social", "pas le bon");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Identifiant ou mot de passe incorrect"));
    assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
  }

  @Test
  void aProtectedPageLeadsToTheLoginAndBackAfterIt() {
    browser.get(base + "app/admin/organisations.xhtml");
    wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    fillAndSubmit("admin", "demo");
    wait.until(ExpectedConditions.urlContains("/app/admin/organisations.xhtml"));
    assertThat(browser.findElement(By.id("organisations")).getText()).contains("Amiens Métropole");
  }

  @Test
  void theLoginFormWorksWithTheKeyboardAlone() {
    browser.get(base + "login.xhtml");
    var username = browser.findElement(By.id("login:username"));
    assertThat(browser.findElement(By.cssSelector("label[for='login:username']")).getText())
        .contains("Identifiant");
    username.sendKeys("relais", Keys.TAB, "demo", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/app/index.xhtml"));
    assertThat(browser.findElement(By.cssSelector("nav.main-menu")).getText())
        .contains("Espace comptoir");
  }

  @Test
  void aSocialWorkerValidatesAPersonAndACounterFindsThemByTheAttestationCode() {
    String reference = "JOURNEE-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    logIn("social", "demo");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu")));
    browser.findElement(By.linkText("Personnes accompagnées")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new:fileReference")));
    browser.findElement(By.id("new:fileReference")).sendKeys(reference);
    browser.findElement(By.id("new:householdSize")).sendKeys("4");
    browser.findElement(By.id("new:postalCode")).sendKeys("80090");
    browser.findElement(By.id("new:save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("identifier")));
    assertThat(browser.findElement(By.id("file-reference")).getText()).isEqualTo(reference);
    String identifier = browser.findElement(By.id("identifier")).getText();

    browser.findElement(By.xpath("//label[contains(., 'RSA')]")).click();
    browser.findElement(By.id("decide:proofType")).sendKeys("Attestation CAF");
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('decide:proofDate').value = arguments[0];", today.toString());
    browser.findElement(By.id("decide:submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("eligibility-panel"), "Éligible jusqu'au"));
    assertThat(browser.findElement(By.id("decisions")).getText()).contains("Éligible");
    browser.findElement(By.id("logout-form:logout")).click();
    wait.until(ExpectedConditions.urlContains("/index.xhtml"));

    logIn("relais2", "demo");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu")));
    browser.findElement(By.linkText("Vérifier une éligibilité")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    assertThat(browser.switchTo().activeElement().getAttribute("id"))
        .as("the scan field has the focus")
        .isEqualTo("code");
    browser.switchTo().activeElement().sendKeys(identifier.toLowerCase(), Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("eligibility-panel")));
    String panel = browser.findElement(By.id("eligibility-panel")).getText();
    assertThat(panel)
        .contains("Éligible jusqu'au")
        .contains("Niveau d'aide : 1")
        .contains("Appareils restants : 5");
    assertThat(browser.getPageSource()).doesNotContain(reference).doesNotContain("RSA");
  }

  private void logIn(String username, String password) {
    browser.get(base + "login.xhtml");
    fillAndSubmit(username, password);
  }

  private void fillAndSubmit(String username, String password) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(password);
    browser.findElement(By.id("login:submit")).click();
  }
}
