package fr.secondevie.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.FakeStripeTerminal;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A day at the counter with a return, in headless Chromium through the real pages: the agent opens
 * the cash session, sells a laptop paid by a voucher, the (fake) card reader and cash, prints the
 * receipt, takes it back as defective (the voucher usable again, the card refunded through Stripe,
 * the cash given back, the credit note printed), closes the session with a counted difference and
 * prints the closing report; the journal verifies, the workshop finds the laptop among its returns,
 * and the funder's reconciliation shows the reversal.
 */
class ReturnJourneyIT {

  final URL base = Server.shared();
  final Scenarios scenarios = new Scenarios(base);

  private WebDriver browser;
  private WebDriverWait wait;

  /** One Chromium for the class, as new for each test. */
  @RegisterExtension static final Browser.PerClass BROWSERS = new Browser.PerClass();

  @BeforeEach
  void open() {
    browser = BROWSERS.fresh();
    wait = Browser.waiting(browser, Duration.ofSeconds(30));
  }

  /** Cents as the pages write them, without the sign: 2500 → "25,00". */
  private static String euros(long cents) {
    return String.format(java.util.Locale.FRANCE, "%d,%02d", cents / 100, cents % 100);
  }

  @Test
  void aDefectiveLaptopIsTakenBackItsVoucherUsableAgainAndTheDayClosesWithTheRefund() {
    String counter =
        scenarios.newRelayCounter("Relais reprise " + UUID.randomUUID().toString().substring(0, 4));
    long relay = scenarios.organisationOf(counter);
    Api api = scenarios.user(counter);
    FakeStripeTerminal terminal = FakeStripe.shared().terminal();
    terminal.sendWebhooksTo(base);
    Api.Answer registered =
        api.post(
            "api/v1/relays/" + relay + "/readers",
            "{\"registrationCode\":\"simulated-wpe\",\"label\":\"Caisse 1\"}");
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String reader = registered.json().getString("id");
    int device = scenarios.availableDevice("donateur", "LAPTOP", counter, 20_000);
    String serial = api.get("api/v1/devices/" + device).json().getString("serialNumber");
    String person = scenarios.eligibleBeneficiary("RSA");
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 1, "80", null).get(0);

    Browser.logIn(browser, base, counter, Scenarios.PASSWORD);

    // the morning: the drawer opened with a float of 50 €
    browser.get(Browser.page(base, "app/counter/cash.xhtml"));
    Browser.submit(wait, browser.findElement(By.id("float")), "50,00");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("drawer-state"), "ouverte"));

    // the sale: the person, the laptop, the voucher, the rest in cash
    browser.get(Browser.page(base, "app/counter/sale.xhtml"));
    Browser.submit(wait, browser.findElement(By.id("person")), person);
    Browser.submit(wait, browser.findElement(By.id("scan")), serial);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), serial));
    Browser.clickToLeavePage(browser, browser.findElement(By.id("open-form:open")));
    Browser.submit(wait, browser.findElement(By.id("voucher")), code);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("vouchers-total"), "50,00"));
    // part of the rest in cash, the remainder on the card reader
    long order = Long.parseLong(browser.getCurrentUrl().replaceAll(".*order=(\\d+).*", "$1"));
    long due = api.get("api/v1/orders/" + order).json().getJsonNumber("dueCents").longValue();
    long cashCents = due / 2;
    long cardCents = due - cashCents;
    Browser.submit(wait, browser.findElement(By.id("cash")), euros(cashCents));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("due"), euros(cardCents)));
    new Select(browser.findElement(By.id("reader"))).selectByValue(reader);
    Browser.clickToLeavePage(browser, browser.findElement(By.id("reader-form:pay-reader")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-waiting")));
    assertThat(browser.findElement(By.id("reader-waiting")).getText()).contains("Caisse 1");
    assertThat(terminal.presentCard(reader, null)).isEqualTo("succeeded");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-paid")));
    assertThat(browser.findElement(By.id("reader-paid")).getText()).contains(euros(cardCents));
    Browser.clickToLeavePage(browser, browser.findElement(By.id("reader-continue")));
    Browser.clickToLeavePage(browser, browser.findElement(By.id("finish-form:complete")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("order-state"), "Vente terminée"));

    // the receipt, printed: the laptop and the three means that paid it
    String receipt = browser.findElement(By.id("receipt")).getAttribute("href");
    assertThat(Pdfs.text(api.get(receipt.substring(receipt.indexOf("api/v1/"))).bytes()))
        .contains(serial)
        .contains("Payé en espèces")
        .contains("Payé par carte")
        .contains(euros(cashCents))
        .contains(euros(cardCents));

    // the return: "Retour / échange", a defect, confirmed
    browser.findElement(By.cssSelector("#return-1 summary")).click();
    browser.findElement(By.id("reason-defect-1")).click();
    browser.findElement(By.id("note-1")).sendKeys("L'écran reste noir");
    assertThat(Accessibility.violations(browser)).as("the sale screen with its return").isEmpty();
    browser.findElement(By.cssSelector("#return-1 [id$='give-back']")).click();
    assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).contains("Reprendre");
    browser.switchTo().alert().accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "repris"));
    assertThat(browser.findElement(By.id("messages")).getText())
        .contains("AV-R" + relay + "-000001")
        .contains("bon rendu, de nouveau utilisable")
        .contains("rendus en espèces")
        .contains("remboursés sur la carte")
        .contains(euros(cashCents))
        .contains(euros(cardCents));
    assertThat(browser.findElements(By.id("return-1"))).as("nothing left to return").isEmpty();
    assertThat(Accessibility.violations(browser)).as("the paid order with its return").isEmpty();
    String creditNote = browser.findElement(By.cssSelector("#returns a")).getAttribute("href");
    assertThat(Pdfs.text(api.get(creditNote.substring(creditNote.indexOf("api/v1/"))).bytes()))
        .contains("Avoir")
        .contains("Bon rendu, de nouveau utilisable")
        .contains("Remboursé en espèces")
        .contains("Remboursé sur la carte");
    // Stripe was asked for the card's refund, once, for what the card paid
    FakeStripe stripe = FakeStripe.shared();
    List<String> intents =
        stripe.intents().stream()
            .filter(i -> String.valueOf(order).equals(i.metadata().get("order_id")))
            .map(FakeStripe.Intent::id)
            .toList();
    assertThat(
            stripe.refunds().stream()
                .filter(r -> intents.contains(r.paymentIntent()))
                .map(FakeStripe.Refund::amount))
        .as("the card refund at Stripe")
        .containsExactly(cardCents);

    // the voucher is usable again, the same code
    browser.get(Browser.page(base, "app/counter/voucher-check.xhtml"));
    WebElement check = browser.findElement(By.id("check:code"));
    check.sendKeys(code);
    browser.findElement(By.id("check:check-button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Ce bon est valable"));

    // the evening: 1 € missing in the drawer, the closing and its report
    browser.get(Browser.page(base, "app/counter/cash.xhtml"));
    assertThat(browser.findElement(By.id("expected")).getText())
        .as("the float: the cash of the sale went back to the person")
        .contains("50,00");
    Browser.submit(wait, browser.findElement(By.id("counted")), "49,00");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("closings")));
    assertThat(browser.findElement(By.id("closings")).getText()).contains("-1,00");
    String report = browser.findElement(By.cssSelector("#closings a")).getAttribute("href");
    assertThat(Pdfs.text(api.get(report.substring(report.indexOf("api/v1/"))).bytes()))
        .contains("Clôture de caisse n° 1")
        .contains("Remboursements");
    Browser.clickToLeavePage(browser, browser.findElement(By.id("verify-form:verify")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verification"), "intact"));
    assertThat(browser.findElement(By.id("verification")).getText()).contains("3 écritures");

    // the workshop finds the laptop among its returns, with the reason
    WebDriver workshop = Browser.start();
    try {
      Browser.logIn(workshop, base, "atelier", "demo");
      workshop.get(Browser.page(base, "app/workshop/devices.xhtml"));
      assertThat(workshop.findElement(By.id("returns")).getText())
          .contains(serial)
          .contains("Défaut (garantie légale)")
          .contains("L'écran reste noir");
      assertThat(Accessibility.violations(workshop)).as("the workshop's returns").isEmpty();
    } finally {
      workshop.quit();
    }

    // the funder's reconciliation: the redemption and its reversal
    Api funder = Api.as(base, "financeur");
    long programme =
        funder
            .get("api/v1/vouchers/" + code)
            .json()
            .getJsonObject("program")
            .getJsonNumber("id")
            .longValue();
    String csv =
        funder.get("api/v1/voucher-programs/" + programme + "/reconciliation", "text/csv").body();
    assertThat(csv).contains("," + order + ",5000,5000").contains("," + order + ",5000,-5000");
  }

  @Test
  void anExchangeTakesTheLaptopBackAndSellsTheReplacementWithTheSameVoucherInOneFlow() {
    String counter =
        scenarios.newRelayCounter("Relais échange " + UUID.randomUUID().toString().substring(0, 4));
    Api api = scenarios.user(counter);
    scenarios.openCashDrawer(counter);
    int device = scenarios.availableDevice("donateur", "LAPTOP", counter, 20_000);
    int replacement = scenarios.availableDevice("donateur", "LAPTOP", counter, 22_000);
    String serial = api.get("api/v1/devices/" + replacement).json().getString("serialNumber");
    String person = scenarios.eligibleBeneficiary("RSA");
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 1, "80", null).get(0);
    long order = scenarios.openOrder(counter, person, device);
    String path = "api/v1/orders/" + order;
    assertThat(api.post(path + "/vouchers", "{\"code\":\"" + code + "\"}").status()).isEqualTo(200);
    long due = api.get(path).json().getJsonNumber("dueCents").longValue();
    assertThat(
            api.post(path + "/payments", "{\"method\":\"CASH\",\"amountCents\":" + due + "}")
                .status())
        .isEqualTo(201);
    assertThat(api.post(path + "/completion").status()).isEqualTo(200);

    Browser.logIn(browser, base, counter, Scenarios.PASSWORD);
    browser.get(Browser.page(base, "app/counter/sale.xhtml?order=" + order));
    browser.findElement(By.cssSelector("#return-1 summary")).click();
    browser.findElement(By.id("reason-other-1")).click();
    // without the replacement, the exchange says what is missing and changes nothing
    Browser.clickToLeavePage(
        browser, browser.findElement(By.cssSelector("#return-1 [id$='exchange']")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "Scannez l’appareil donné en échange"));
    assertThat(api.get(path + "/returns").structure().asJsonArray()).isEmpty();

    browser.findElement(By.cssSelector("#return-1 summary")).click();
    browser.findElement(By.id("reason-other-1")).click();
    browser.findElement(By.id("replacement-1")).sendKeys(serial);
    Browser.clickToLeavePage(
        browser, browser.findElement(By.cssSelector("#return-1 [id$='exchange']")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("order-state"), "en cours"));
    assertThat(browser.findElement(By.id("messages")).getText())
        .contains("Appareil repris")
        .contains("Nouvel appareil réservé");
    assertThat(browser.findElement(By.id("lines")).getText()).contains(serial);
    assertThat(browser.findElement(By.id("vouchers")).getText())
        .as("the voucher given back pays the replacement")
        .contains(code.substring(code.length() - 4));
    assertThat(browser.findElement(By.id("vouchers-total")).getText()).contains("50,00");
    WebElement cash = browser.findElement(By.id("cash"));
    Browser.submit(wait, cash, cash.getAttribute("value"));
    Browser.clickToLeavePage(browser, browser.findElement(By.id("finish-form:complete")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("order-state"), "Vente terminée"));
    assertThat(api.get("api/v1/vouchers/" + code).json().getString("status")).isEqualTo("REDEEMED");
    assertThat(api.get("api/v1/devices/" + device).json().getString("status"))
        .isEqualTo("RETURNED");
  }
}
