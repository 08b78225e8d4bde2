package fr.secondevie.sales;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.FakeStripeTerminal;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The relay's back office and the sale screen's card step on a reader: the day's sales with their
 * filters and totals (and {@code GET /api/v1/orders?date=&status=}), the statements funders drew up
 * for the relay; in Chromium, a card declined then paid on the fake reader (the test presents the
 * card through Stripe's test helper, the fake sends the webhooks, the page follows), and an open
 * order resumed from the list after the browser was closed.
 */
class CounterBackOfficeIT extends AtTheCounter {

  /** The relays' day, as the server's clock tells it (not the machine's UTC day). */
  private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

  @Test
  void theDaysSalesListTheRelaysOrdersWithTheirTotalsAndNothingOfAnotherRelay() {
    long paid = openOrder(person(), laptop(20000));
    long due = cents(counter().get("api/v1/orders/" + paid).json(), "dueCents");
    assertThat(
            counter()
                .post(
                    "api/v1/orders/" + paid + "/payments",
                    "{\"method\":\"CASH\",\"amountCents\":" + due + "}")
                .status())
        .isEqualTo(201);
    assertThat(counter().post("api/v1/orders/" + paid + "/completion").status()).isEqualTo(200);
    long open = openOrder(person(), laptop(15000));
    long theirs = scenarios().openOrder("relais2", person(), otherRelaysLaptop());

    JsonArray all = counter().get("api/v1/orders").structure().asJsonArray();
    assertThat(ids(all)).contains(paid, open).doesNotContain(theirs);
    JsonArray onlyOpen =
        counter()
            .get("api/v1/orders?status=OPEN&date=" + LocalDate.now(PARIS))
            .structure()
            .asJsonArray();
    assertThat(ids(onlyOpen)).contains(open).doesNotContain(paid, theirs);
    assertThat(onlyOpen.getValuesAs(JsonObject.class))
        .allSatisfy(o -> assertThat(o.getString("status")).isEqualTo("OPEN"));
    JsonArray onlyPaid = counter().get("api/v1/orders?status=paid").structure().asJsonArray();
    assertThat(ids(onlyPaid)).contains(paid).doesNotContain(open);
    assertThat(
            counter()
                .get("api/v1/orders?date=" + LocalDate.now(PARIS).minusYears(3))
                .structure()
                .asJsonArray())
        .isEmpty();
    assertProblem(counter().get("api/v1/orders?date=hier"), 400, "INVALID_INPUT");
    assertProblem(counter().get("api/v1/orders?status=LOST"), 400, "INVALID_INPUT");
    assertThat(Api.as(base, "financeur").get("api/v1/orders").status()).isEqualTo(403);
  }

  @Test
  void aRelayReadsTheStatementsFundersDrewUpForIt() {
    long relay = scenarios().organisationOf("relais");
    String code =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 5000, 1, "80", null).get(0);
    long id = openOrder(person(), laptop(20000));
    assertThat(
            counter()
                .post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}")
                .status())
        .isEqualTo(200);
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    assertThat(
            counter()
                .post(
                    "api/v1/orders/" + id + "/payments",
                    "{\"method\":\"CASH\",\"amountCents\":" + due + "}")
                .status())
        .isEqualTo(201);
    assertThat(counter().post("api/v1/orders/" + id + "/completion").status()).isEqualTo(200);
    long programme =
        Api.as(base, "financeur")
            .get("api/v1/vouchers/" + code)
            .json()
            .getJsonObject("program")
            .getJsonNumber("id")
            .longValue();
    Api.Answer drawn =
        Api.as(base, "financeur")
            .post(
                "api/v1/voucher-programs/" + programme + "/statements",
                "{\"month\":\"" + LocalDate.now(PARIS).toString().substring(0, 7) + "\"}");
    assertThat(drawn.status()).as(drawn.toString()).isIn(200, 201);

    Api.Answer read = counter().get("api/v1/relays/" + relay + "/statements");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    List<JsonObject> statements = read.structure().asJsonArray().getValuesAs(JsonObject.class);
    assertThat(statements)
        .anySatisfy(
            s -> {
              assertThat(s.getJsonNumber("programmeId").longValue()).isEqualTo(programme);
              assertThat(s.getString("period"))
                  .isEqualTo(LocalDate.now(PARIS).toString().substring(0, 7));
              assertThat(s.getString("status")).isIn("DRAFT", "AGREED", "PAID");
              assertThat(s.getJsonNumber("amountCents").longValue()).isGreaterThanOrEqualTo(5000);
              assertThat(s.getString("funder")).isNotBlank();
            });
    // another relay's counter, the funder, the admin: not theirs to read here
    assertProblem(
        Api.as(base, "relais2").get("api/v1/relays/" + relay + "/statements"), 404, "NOT_FOUND");
    assertThat(Api.as(base, "financeur").get("api/v1/relays/" + relay + "/statements").status())
        .isEqualTo(403);
  }

  @Test
  void theCardStepFollowsTheReaderThroughADeclineAndAPayment() {
    FakeStripe fake = FakeStripe.shared();
    FakeStripeTerminal terminal = fake.terminal();
    terminal.sendWebhooksTo(base);
    String label = "Accueil " + UUID.randomUUID().toString().substring(0, 4);
    Api.Answer registered =
        counter()
            .post(
                "api/v1/relays/" + scenarios().organisationOf("relais") + "/readers",
                CardReadersIT.registration("simulated-wpe", label));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String reader = registered.json().getString("id");
    long id = openOrder(person(), laptop(18000));

    WebDriver browser = Browser.start();
    try {
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(30));
      Browser.logIn(browser, base, "relais", "demo");
      browser.get(base + "app/counter/sale.xhtml?order=" + id);
      new Select(browser.findElement(By.id("reader"))).selectByValue(reader);
      browser.findElement(By.id("reader-form:pay-reader")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-waiting")));
      assertThat(browser.findElement(By.id("reader-waiting")).getText()).contains(label);
      var region = browser.findElement(By.id("reader-state-form:reader-state"));
      assertThat(region.getAttribute("aria-live")).isEqualTo("polite");
      assertThat(region.getAttribute("role")).isEqualTo("status");
      List<String> violations = new ArrayList<>(Accessibility.violations(browser));

      // the card is declined: the page says so by itself
      assertThat(terminal.presentCard(reader, FakeStripeTerminal.DECLINED_CARD))
          .isEqualTo("failed");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-declined")));
      assertThat(browser.findElement(By.id("reader-declined")).getText())
          .contains("Carte refusée", "Your card was declined.");
      browser.findElement(By.id("reader-retry")).click();

      // another card, accepted
      new Select(browser.findElement(By.id("reader"))).selectByValue(reader);
      browser.findElement(By.id("reader-form:pay-reader")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-waiting")));
      assertThat(terminal.presentCard(reader, null)).isEqualTo("succeeded");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reader-paid")));
      assertThat(browser.findElement(By.id("reader-paid")).getText()).contains("accepté");
      violations.addAll(Accessibility.violations(browser));
      browser.findElement(By.id("reader-continue")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finish-form:complete")));
      browser.findElement(By.id("finish-form:complete")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("order-state"), "Vente terminée"));
      assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
    } finally {
      browser.quit();
    }
    assertThat(counter().get("api/v1/orders/" + id).json().getString("status")).isEqualTo("PAID");
  }

  @Test
  void anOpenOrderIsResumedFromTheListAfterTheBrowserWasClosed() {
    int device = laptop(16000);
    long id = openOrder(person(), device);
    String serial =
        counter()
            .get("api/v1/orders/" + id)
            .json()
            .getJsonArray("lines")
            .getJsonObject(0)
            .getString("serialNumber");
    WebDriver browser = Browser.start();
    try {
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(30));
      Browser.logIn(browser, base, "relais", "demo");
      browser.findElement(By.linkText("Ventes à reprendre")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resume-" + id)));
      List<String> violations = new ArrayList<>(Accessibility.violations(browser));
      browser.findElement(By.id("resume-" + id)).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-state")));
      assertThat(browser.findElement(By.id("order-state")).getText()).contains("en cours");
      assertThat(browser.findElement(By.id("lines")).getText()).contains(serial);
      assertThat(browser.getCurrentUrl()).contains("order=" + id);
      // the other back-office pages, through the menu
      for (String entry :
          List.of(
              "Ventes du jour",
              "Terminaux de paiement",
              "Services de médiation",
              "Relevés des financeurs")) {
        browser.findElement(By.linkText(entry)).click();
        wait.until(ExpectedConditions.titleContains(entry.substring(0, 8)));
        violations.addAll(
            Accessibility.violations(browser).stream().map(v -> entry + ": " + v).toList());
      }
      browser.get(base + "app/counter/day.xhtml?status=OPEN");
      assertThat(browser.findElement(By.id("orders")).getText()).contains(String.valueOf(id));
      assertThat(violations).as("WCAG 2.1 A/AA violations").isEmpty();
    } finally {
      browser.quit();
    }
  }

  private int otherRelaysLaptop() {
    return scenarios().availableDevice("donateur", "LAPTOP", "relais2", 12000);
  }

  private static List<Long> ids(JsonArray orders) {
    return orders.getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }
}
