package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page, public and of each role, audited in Chromium by axe-core against WCAG 2.1 A and AA
 * (see {@link Accessibility}); a detail page is reached through the first link its list shows.
 */
class AccessibilityIT {

  final URL base = Server.shared();

  private WebDriver browser;

  /** One Chromium for the class, as new for each test. */
  @RegisterExtension static final Browser.PerClass BROWSERS = new Browser.PerClass();

  @BeforeEach
  void open() {
    browser = BROWSERS.fresh();
  }

  /**
   * On a 360 px phone, no public page is wider than the screen (WCAG 1.4.10, reflow): nothing to
   * scroll sideways, no value cut off.
   */
  @Test
  void thePublicPagesFitAPhoneScreen() {
    int device = new Scenarios(base).availableDevice("donateur", "LAPTOP", "relais", 12_000);
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
    List<String> tooWide = new ArrayList<>();
    for (String page :
        List.of(
            "index.xhtml",
            "catalogue/index.xhtml",
            "catalogue/device.xhtml?id=" + device,
            "catalogue/relays.xhtml",
            "accessibilite.xhtml",
            "login.xhtml",
            "join.xhtml")) {
      browser.get(base + page);
      long viewport =
          (Long)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript("return document.documentElement.clientWidth;");
      long content =
          (Long)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript("return document.documentElement.scrollWidth;");
      if (content > viewport) {
        tooWide.add(page + ": " + content + " px for " + viewport);
      }
    }
    assertThat(tooWide).as("pages wider than a 360 px screen").isEmpty();
  }

  /**
   * On a 360 px phone, no page of any role is wider than the screen either (a wide table scrolls in
   * its own box), and the demo banner, where there is one, is a single short line.
   */
  @ParameterizedTest(name = "{0}''s pages at 360 px")
  @CsvSource(
      delimiter = '|',
      value = {
        "admin | app/index.xhtml app/account.xhtml app/admin/organisations.xhtml"
            + " app/admin/eligibility-rules.xhtml app/admin/tax-receipts.xhtml"
            + " app/admin/requests.xhtml app/audit.xhtml app/jobs.xhtml",
        "atelier | app/workshop/reception.xhtml app/workshop/devices.xhtml"
            + " app/workshop/devices.xhtml>a[href*='refurbish']",
        "relais | app/counter/sale.xhtml app/counter/eligibility.xhtml"
            + " app/counter/voucher-check.xhtml app/counter/sale.xhtml?bearer=1",
        "social | app/social/beneficiaries.xhtml"
            + " app/social/beneficiaries.xhtml>a[href*='beneficiary.xhtml']"
            + " app/social/booklets.xhtml",
        "donateur | app/donor/donations.xhtml app/donor/receipts.xhtml"
            + " app/donor/donations.xhtml>a[href*='trace.xhtml']",
        "financeur | app/funder/programmes.xhtml"
            + " app/funder/programmes.xhtml>a[href*='programme.xhtml']"
            + " app/territory/dashboard.xhtml",
      })
  void eachRolesPagesFitAPhoneScreen(String user, String pages) {
    Scenarios scenarios = new Scenarios(base);
    switch (user) {
      case "atelier", "donateur" ->
          scenarios.availableDevice("donateur", "SMARTPHONE", "relais", 9_000);
      case "social" -> scenarios.eligibleBeneficiary("RSA");
      case "financeur" ->
          scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 3, "80", null);
      default -> {}
    }
    Browser.logIn(browser, base, user, "demo");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
    org.openqa.selenium.JavascriptExecutor script =
        (org.openqa.selenium.JavascriptExecutor) browser;
    List<String> tooWide = new ArrayList<>();
    for (String page : pages.trim().split("\\s+")) {
      visit(page);
      long viewport = (Long) script.executeScript("return document.documentElement.clientWidth;");
      long content = (Long) script.executeScript("return document.documentElement.scrollWidth;");
      if (content > viewport) {
        tooWide.add(
            page
                + ": "
                + content
                + " px for "
                + viewport
                + ", widest: "
                + script.executeScript(
                    "var w = null; document.querySelectorAll('body *').forEach(function (e) {"
                        + " var r = e.getBoundingClientRect(), right = r.left + e.scrollWidth;"
                        + " if (right > "
                        + viewport
                        + " && (!w || right > w.r)) w = {r: right, e: e}; });"
                        + " return w ? w.e.tagName + '#' + w.e.id + '.' + w.e.className : '';"));
      }
      List<WebElement> banner = browser.findElements(By.cssSelector(".demo-banner"));
      if (!banner.isEmpty()) {
        assertThat(banner.get(0).getText()).as("the demo banner on a phone").hasSizeLessThan(30);
        assertThat(banner.get(0).getSize().getHeight())
            .as("the demo banner on a phone, one line")
            .isLessThan(45);
      }
    }
    assertThat(tooWide).as("pages wider than a 360 px screen").isEmpty();
  }

  @Test
  void thePublicPagesBreakNoWcagRule() {
    int device = new Scenarios(base).availableDevice("donateur", "LAPTOP", "relais", 12_000);
    List<String> found = new ArrayList<>();
    for (String page :
        List.of(
            "index.xhtml",
            "login.xhtml",
            "catalogue/index.xhtml",
            "catalogue/index.xhtml?category=LAPTOP&q=thinkpad",
            "catalogue/index.xhtml?q=aucun-appareil-ainsi",
            "catalogue/device.xhtml?id=" + device,
            "catalogue/device.xhtml?id=999999999",
            "catalogue/relays.xhtml",
            "catalogue/relays.xhtml?cp=8O000",
            "catalogue/relays.xhtml?territory=ARA&cp=69008",
            "catalogue/index.xhtml?territory=ARA",
            "accessibilite.xhtml",
            "join.xhtml")) {
      found.addAll(audit(page));
    }
    browser.get(base + "login.xhtml");
    browser.findElement(By.id("login:username")).sendKeys("social");
    browser.findElement(By.id("login:password")).sendKeys("pas le bon");
    browser.findElement(By.id("login:submit")).click();
    Browser.waiting(browser, Duration.ofSeconds(30))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Identifiant ou mot de passe incorrect"));
    found.addAll(
        Accessibility.violations(browser).stream().map(v -> "login, refused: " + v).toList());
    assertThat(found).as("WCAG 2.1 A/AA violations").isEmpty();
  }

  @ParameterizedTest(name = "{0}''s pages")
  @CsvSource(
      delimiter = '|',
      value = {
        "admin | app/index.xhtml app/account.xhtml app/admin/organisations.xhtml"
            + " app/admin/eligibility-rules.xhtml app/admin/tax-receipts.xhtml"
            + " app/admin/routing.xhtml app/admin/requests.xhtml app/audit.xhtml app/jobs.xhtml",
        "atelier | app/workshop/reception.xhtml app/workshop/intake.xhtml"
            + " app/workshop/devices.xhtml app/workshop/devices.xhtml>a[href*='refurbish']"
            + " app/workshop/profile.xhtml",
        "social | app/social/beneficiaries.xhtml"
            + " app/social/beneficiaries.xhtml>a[href*='beneficiary.xhtml']"
            + " app/social/booklets.xhtml",
        "donateur | app/donor/donations.xhtml app/donor/receipts.xhtml"
            + " app/donor/donations.xhtml>a[href*='trace.xhtml']",
        "financeur | app/funder/programmes.xhtml"
            + " app/funder/programmes.xhtml>a[href*='programme.xhtml']"
            + " app/territory/dashboard.xhtml",
        "national | app/index.xhtml app/national/territories.xhtml app/audit.xhtml"
            + " app/jobs.xhtml app/national/comparison.xhtml app/territory/dashboard.xhtml",
      })
  void eachRolesPagesBreakNoWcagRule(String user, String pages) {
    Scenarios scenarios = new Scenarios(base);
    switch (user) {
      case "atelier", "donateur" ->
          scenarios.availableDevice("donateur", "LAPTOP", "relais", 9_000);
      case "social" -> scenarios.eligibleBeneficiary("RSA");
      case "financeur" ->
          scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 3, "80", null);
      default -> {}
    }
    Browser.logIn(browser, base, user, "demo");
    List<String> found = new ArrayList<>();
    for (String page : pages.trim().split("\\s+")) {
      found.addAll(audit(page));
    }
    assertThat(found).as("WCAG 2.1 A/AA violations").isEmpty();
  }

  @Test
  void theCounterSaleScreenBreaksNoWcagRuleAtAnyStep() {
    Scenarios scenarios = new Scenarios(base);
    Api counter = Api.as(base, "relais");
    String waiting = scenarios.eligibleBeneficiary("RSA");
    String paying = scenarios.eligibleBeneficiary("RSA");
    String done = scenarios.eligibleBeneficiary("RSA");
    String voucher =
        scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 1, "80", null).get(0);
    long open =
        scenarios.openOrder(
            "relais", paying, scenarios.availableDevice("donateur", "LAPTOP", "relais", 12_000));
    var withVoucher =
        counter.post("api/v1/orders/" + open + "/vouchers", "{\"code\":\"" + voucher + "\"}");
    assertThat(withVoucher.status()).as(withVoucher.toString()).isEqualTo(200);
    pay(counter, open, 1_000);
    long paid =
        scenarios.openOrder(
            "relais", done, scenarios.availableDevice("donateur", "TABLET", "relais", 6_000));
    pay(counter, paid, due(counter, paid));
    var completed = counter.post("api/v1/orders/" + paid + "/completion");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

    Browser.logIn(browser, base, "relais", "demo");
    List<String> found = new ArrayList<>();
    for (String page :
        List.of(
            "app/counter/sale.xhtml",
            "app/counter/sale.xhtml?person=" + waiting,
            "app/counter/sale.xhtml?person=personne-inconnue",
            "app/counter/sale.xhtml?order=" + open,
            "app/counter/sale.xhtml?order=" + paid,
            "app/counter/eligibility.xhtml",
            "app/counter/voucher-check.xhtml")) {
      found.addAll(audit(page));
    }
    browser.get(base + "app/counter/sale.xhtml?order=" + open);
    assertThat(browser.findElement(By.id("main")).getText())
        .as("the open order's step, audited above")
        .contains("Payé par des bons", "50,00 €");
    assertThat(found).as("WCAG 2.1 A/AA violations").isEmpty();
  }

  private static long due(Api counter, long order) {
    return counter.get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
  }

  private static void pay(Api counter, long order, long cents) {
    var payment =
        counter.post(
            "api/v1/orders/" + order + "/payments",
            "{\"method\":\"CASH\",\"amountCents\":" + cents + "}");
    assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
  }

  /**
   * The violations of one page, each prefixed with the page; {@code list>selector} audits the page
   * the first link matching the selector on the list leads to.
   */
  private List<String> audit(String page) {
    visit(page);
    String where = browser.getCurrentUrl().replace(base.toString(), "");
    return Accessibility.violations(browser).stream().map(v -> where + ": " + v).toList();
  }

  /** Opens a page; {@code list>selector} opens the first link matching the selector on a list. */
  private void visit(String page) {
    String[] parts = page.split(">", 2);
    browser.get(base + parts[0]);
    if (parts.length == 2) {
      Optional<WebElement> link =
          browser.findElements(By.cssSelector(parts[1])).stream().findFirst();
      assertThat(link).as("a link " + parts[1] + " on " + parts[0]).isPresent();
      browser.get(link.get().getAttribute("href"));
    }
  }
}
