package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Mail;
import fr.secondevie.testing.Server;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Joining as a new member would, in Chromium through the real pages, with a real SMTP server
 * (GreenMail) between the application and the person: a company asks on the public page, the
 * coordination of Hauts-de-France accepts it on its page, the contact opens the link of the e-mail,
 * chooses a password, logs in and pledges a lot of phones, and the lot shows at the phone workshop
 * (atelier2) and not at the other one. The company's name carries HTML and a script: every page
 * shows it as text. Each page of the way passes the axe check (WCAG 2.1 A/AA).
 */
class JoiningJourneyIT {

  final URL base = Server.shared();

  private WebDriver browser;
  private WebDriverWait wait;
  private final List<String> violations = new ArrayList<>();

  /** One Chromium for the class, as new for each test. */
  @RegisterExtension static final Browser.PerClass BROWSERS = new Browser.PerClass();

  @BeforeEach
  void open() {
    browser = BROWSERS.fresh();
    wait = Browser.waiting(browser, Duration.ofSeconds(30));
  }

  @Test
  void aCompanySignsUpIsAcceptedActivatesItsAccountAndItsPhonesReachThePhoneWorkshopOnly() {
    Mail.listen();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String name = "Pixels <b>& Cie</b> " + suffix + " <script>window.pwned=1</script>";
    String email = "dominique." + suffix + "@pixels.test";
    String siren =
        String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));

    // the public page
    browser.get(base + "index.xhtml");
    browser.findElement(By.id("to-join")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("join:name")));
    check("join");
    new Select(browser.findElement(By.id("join:kind"))).selectByValue("COMPANY");
    browser.findElement(By.id("join:name")).sendKeys(name);
    browser.findElement(By.id("join:siren")).sendKeys(siren);
    browser.findElement(By.id("join:address")).sendKeys("10 rue Saint-Leu");
    browser.findElement(By.id("join:postalCode")).sendKeys("80000");
    browser.findElement(By.id("join:city")).sendKeys("Amiens");
    browser.findElement(By.id("join:contactName")).sendKeys("Dominique Leroy");
    browser.findElement(By.id("join:contactEmail")).sendKeys(email);
    Browser.clickToLeavePage(browser, browser.findElement(By.id("join:submit")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("join-sent")));
    assertThat(browser.findElement(By.id("messages")).getText()).contains(email);
    check("join, sent");

    // the coordination accepts it
    Browser.logIn(browser, base, "admin", "demo");
    browser.findElement(By.linkText("Demandes d'adhésion")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pending")));
    String pending = browser.findElement(By.id("pending")).getText();
    assertThat(pending).contains("<b>& Cie</b>").contains("<script>window.pwned=1</script>");
    assertThat(browser.findElements(By.cssSelector("#pending b"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
        .isEqualTo(true);
    check("requests");
    Browser.clickToLeavePage(
        browser,
        browser.findElement(
            By.xpath(
                "//table[@id='pending']//tr[contains(., '"
                    + suffix
                    + "')]//input[@type='submit']")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Demande acceptée"));
    assertThat(browser.findElement(By.id("messages")).getText()).contains(email);
    assertThat(browser.findElement(By.id("decided")).getText())
        .contains(suffix)
        .contains("Acceptée");
    Browser.clickToLeavePage(browser, browser.findElement(By.id("logout-form:logout")));

    // the contact receives the e-mail and opens its link
    Mail.Received mail = Mail.awaitTo(email);
    Matcher login = Pattern.compile("Votre identifiant : (\\S+)").matcher(mail.text());
    assertThat(login.find()).as(mail.text()).isTrue();
    String username = login.group(1);
    browser.get(mail.link());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activation:password")));
    check("activation");
    browser.findElement(By.id("activation:password")).sendKeys("court");
    browser.findElement(By.id("activation:confirmation")).sendKeys("court");
    Browser.clickToLeavePage(browser, browser.findElement(By.id("activation:activate")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertThat(browser.findElement(By.id("error-summary")).getText()).contains("12 caractères");
    String password = "notre parc de téléphones";
    browser.findElement(By.id("activation:password")).sendKeys(password);
    browser.findElement(By.id("activation:confirmation")).sendKeys(password);
    Browser.clickToLeavePage(browser, browser.findElement(By.id("activation:activate")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("to-login")));
    assertThat(browser.findElement(By.id("messages")).getText())
        .contains(username)
        .contains("activé");

    // the new donor pledges phones
    Browser.logIn(browser, base, username, password);
    assertThat(browser.findElement(By.id("current-organisation")).getText())
        .contains("<b>& Cie</b>");
    browser.get(base + "app/donor/donations.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledge:lines:0:category")));
    new Select(browser.findElement(By.id("pledge:lines:0:category"))).selectByValue("SMARTPHONE");
    browser.findElement(By.id("pledge:lines:0:quantity")).sendKeys("8");
    browser.findElement(By.id("pledge:lines:0:description")).sendKeys("Téléphones de la flotte");
    browser.findElement(By.id("pledge:lines:0:unitValue")).sendKeys("40");
    browser.findElement(By.id("pledge:pickupAddress")).sendKeys("10 rue Saint-Leu, Amiens");
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];",
            browser.findElement(By.id("pledge:availableFrom")),
            LocalDate.now().plusDays(1).toString());
    Browser.clickToLeavePage(browser, browser.findElement(By.id("pledge:submit")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("donations"), "Tech Solidaire Lille"));
    Browser.clickToLeavePage(browser, browser.findElement(By.id("logout-form:logout")));

    // the phone workshop has the lot; the other workshop does not
    Browser.logIn(browser, base, "atelier2", "demo");
    browser.get(base + "app/workshop/reception.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pledged")));
    assertThat(browser.findElement(By.id("pledged")).getText())
        .contains("Pixels <b>& Cie</b> " + suffix)
        .contains("8 × Téléphone");
    Browser.clickToLeavePage(browser, browser.findElement(By.id("logout-form:logout")));
    Browser.logIn(browser, base, "atelier", "demo");
    browser.get(base + "app/workshop/reception.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    assertThat(browser.findElement(By.id("main")).getText()).doesNotContain(suffix);

    assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
  }

  /**
   * A manager (every demo user manages its organisation's accounts) invites a colleague from its
   * account page, the colleague receives the link, and the manager deactivates the account: its
   * link no longer works.
   */
  @Test
  void aManagerInvitesAColleagueAndDeactivatesTheAccountFromItsPage() {
    Mail.listen();
    String colleague = "compta" + UUID.randomUUID().toString().substring(0, 6);
    String email = colleague + "@transports-somme.test";
    Browser.logIn(browser, base, "donateur2", "demo");
    browser.findElement(By.linkText("Mon compte")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team:username")));
    browser.findElement(By.id("team:username")).sendKeys(colleague);
    browser.findElement(By.id("team:email")).sendKeys(email);
    Browser.clickToLeavePage(browser, browser.findElement(By.id("team:invite")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), colleague));
    String row = "//table[@id='team']//tr[contains(., '" + colleague + "')]";
    assertThat(browser.findElement(By.xpath(row)).getText()).contains("Invité");
    check("account, team");
    String link = Mail.awaitTo(email).link();
    Browser.clickToLeavePage(
        browser, browser.findElement(By.xpath(row + "//input[@type='submit']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "désactivé"));
    assertThat(browser.findElement(By.xpath(row)).getText()).contains("Désactivé");
    Browser.clickToLeavePage(browser, browser.findElement(By.id("logout-form:logout")));

    browser.get(link);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activation:password")));
    browser.findElement(By.id("activation:password")).sendKeys("un mot de passe bien long");
    browser.findElement(By.id("activation:confirmation")).sendKeys("un mot de passe bien long");
    Browser.clickToLeavePage(browser, browser.findElement(By.id("activation:activate")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "déjà servi ou a expiré"));
    assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
  }

  /** The coordination deactivates an account of its territory on its organisations page. */
  @Test
  void theCoordinationDeactivatesAnAccountOnItsOrganisationsPage() {
    String agent = "00" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Api admin = Api.as(base, "admin");
    var created =
        admin.post(
            "api/v1/organisations/"
                + new fr.secondevie.testing.Scenarios(base).organisationOf("relais")
                + "/users",
            "{\"username\":\""
                + agent
                + "\",\"password\":\"un mot de passe bien long\",\"roles\":[\"counter\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Api counter = Api.anonymous(base).withCredentials(agent, "un mot de passe bien long");
    assertThat(counter.get("api/v1/me").status()).isEqualTo(200);
    Browser.logIn(browser, base, "admin", "demo");
    browser.get(base + "app/admin/organisations.xhtml");
    String row = "//*[@id='users']//tr[contains(., '" + agent + "')]";
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(row)));
    assertThat(browser.findElement(By.xpath(row)).getText()).contains("Actif");
    Browser.clickToLeavePage(
        browser, browser.findElement(By.xpath(row + "//input[@type='submit']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), agent));
    assertThat(browser.findElement(By.xpath(row)).getText()).contains("Désactivé");
    assertThat(counter.get("api/v1/me").status()).isEqualTo(401);
  }

  private void check(String where) {
    Accessibility.violations(browser).stream().map(v -> where + ": " + v).forEach(violations::add);
  }
}
