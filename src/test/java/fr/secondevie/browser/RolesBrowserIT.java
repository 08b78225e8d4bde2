package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Deployments;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Each role logs in through the page, in Chromium, and finds its own space and menu. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void open() {
    browser = Browser.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
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

    browser.findElement(By.id("logout-form:logout")).click();
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
