package fr.secondevie.vouchers;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Accessibility;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import fr.secondevie.vouchers.control.InvoiceXml;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The relay's Factur-X invoice of an agreed statement, over HTTP on the shared server: sales of
 * last month paid by vouchers, the statement drawn up and agreed, the invoice issued once (its
 * number taken once even when asked twice at once; two statements of one relay at once take
 * consecutive numbers), validated by Mustang's validator and its XML read back to the statement's
 * total; and the refusals (a draft, another funder's, a relay with no SIRET).
 */
class InvoicesIT {

  final URL base = Server.shared();
  final Scenarios scenarios = new Scenarios(base);
  final Api funder = Api.as(base, "financeur");

  /** A relay of its own, named by a SIRET, and its counter. */
  record Relay(String user, long id, Api counter) {}

  Relay newRelay(boolean withSiret) {
    String user =
        scenarios.newRelayCounter(
            "Relais factures " + UUID.randomUUID().toString().substring(0, 4));
    long id = scenarios.organisationOf(user);
    scenarios.openCashDrawer(user);
    if (withSiret) {
      siret(Api.as(base, "admin"), id, "9" + String.format("%013d", id));
    }
    return new Relay(user, id, scenarios.user(user));
  }

  static void siret(Api as, long organisation, String siret) {
    var set =
        as.send(
            "PUT",
            "api/v1/organisations/" + organisation + "/siret",
            "application/json",
            "{\"siret\":\"" + siret + "\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().getString("siret")).isEqualTo(siret);
  }

  /** The funder's (demo) authority named by its SIRET, whatever the database was seeded with. */
  void funderHasASiret() {
    siret(funder, scenarios.organisationOf("financeur"), "22800001700014");
  }

  /** A programme of the funder with {@code count} vouchers of {@code faceCents}: id and codes. */
  record Programme(long id, List<String> codes) {}

  Programme programme(long faceCents, int count) {
    List<String> codes =
        scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", faceCents, count, "80", null);
    long id =
        funder
            .get("api/v1/vouchers/" + codes.get(0))
            .json()
            .getJsonObject("program")
            .getJsonNumber("id")
            .longValue();
    return new Programme(id, codes);
  }

  /** A laptop sold at the relay, the voucher paying its share and cash the rest: the order. */
  long sell(Relay relay, String code, long listCents) {
    int device = scenarios.availableDevice("donateur", "LAPTOP", relay.user(), listCents);
    long order = scenarios.openOrder(relay.user(), scenarios.eligibleBeneficiary("RSA"), device);
    String path = "api/v1/orders/" + order;
    var added = relay.counter().post(path + "/vouchers", "{\"code\":\"" + code + "\"}");
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    long due = relay.counter().get(path).json().getJsonNumber("dueCents").longValue();
    if (due > 0) {
      var paid =
          relay
              .counter()
              .post(path + "/payments", "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
      assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }
    var completed = relay.counter().post(path + "/completion");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    return order;
  }

  static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);

  /**
   * Moves the programme's redemptions at the relay to last month, as if sold then, and its
   * reversals (devices returned) a few days later.
   */
  static void soldLastMonth(long programme, long relay) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement sql =
            db.prepareStatement(
                "update redemption set redeemed_at = ? where programme_id = ? and relay_id = ?");
        PreparedStatement reversals =
            db.prepareStatement(
                "update redemption_reversal set reversed_at = ?"
                    + " where programme_id = ? and relay_id = ?")) {
      sql.setTimestamp(1, Timestamp.valueOf(LAST_MONTH.atDay(14).atTime(10, 30)));
      sql.setLong(2, programme);
      sql.setLong(3, relay);
      assertThat(sql.executeUpdate()).isPositive();
      reversals.setTimestamp(1, Timestamp.valueOf(LAST_MONTH.atDay(20).atTime(16, 45)));
      reversals.setLong(2, programme);
      reversals.setLong(3, relay);
      reversals.executeUpdate();
    }
  }

  /** The CSV as records, the header naming the columns. */
  static List<CSVRecord> csv(Api.Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).get().asString().startsWith("text/csv");
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(answer.body()))
        .getRecords();
  }

  static final String MOMENT_WITH_OFFSET = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[12]:00";
  static final String PRINTED_CODE = "[0-9A-Z]{4}(-[0-9A-Z]{4}){3}";

  /** Last month's statement of the programme for the relay, drawn up (DRAFT). */
  JsonObject drawnUp(long programme, long relay) {
    var drawn =
        funder.post(
            "api/v1/voucher-programs/" + programme + "/statements",
            "{\"month\":\"" + LAST_MONTH + "\"}");
    assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
    return drawn.json().getJsonArray("statements").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("kind").equals("RELAY_PAYMENT"))
        .filter(s -> s.getJsonNumber("relayId").longValue() == relay)
        .findFirst()
        .orElseThrow();
  }

  static String statementPath(long programme, JsonObject statement) {
    return "api/v1/voucher-programs/" + programme + "/statements/" + statement.getInt("id");
  }

  void agree(long programme, JsonObject statement) {
    var agreed =
        funder.post(statementPath(programme, statement) + "/agreement", "{\"reference\":\"D-18\"}");
    assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
  }

  @Test
  void anAgreedStatementIsInvoicedOnceAsAFacturXCarryingItsTotal() throws Exception {
    funderHasASiret();
    Relay relay = newRelay(true);
    Programme programme = programme(6_000, 2);
    sell(relay, programme.codes().get(0), 20_000);
    long returned = sell(relay, programme.codes().get(1), 15_000);
    int device =
        relay
            .counter()
            .get("api/v1/orders/" + returned)
            .json()
            .getJsonArray("lines")
            .getJsonObject(0)
            .getInt("deviceId");
    var taken =
        relay
            .counter()
            .post(
                "api/v1/orders/" + returned + "/returns",
                "{\"deviceId\":" + device + ",\"reason\":\"OTHER\",\"note\":\"Trop lourd\"}");
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    soldLastMonth(programme.id(), relay.id());
    var references =
        funder.send(
            "PUT",
            "api/v1/voucher-programs/" + programme.id() + "/invoicing",
            "application/json",
            "{\"serviceCode\":\"FIN-SOLIDARITE\",\"commitmentNumber\":\"EJ-2026-0042\"}");
    assertThat(references.status()).as(references.toString()).isEqualTo(200);
    assertThat(references.json().getString("serviceCode")).isEqualTo("FIN-SOLIDARITE");

    JsonObject statement = drawnUp(programme.id(), relay.id());
    String invoicePath = statementPath(programme.id(), statement) + "/invoice";
    assertProblem(funder.get(invoicePath, "application/pdf"), 409, "STATEMENT_NOT_AGREED");
    agree(programme.id(), statement);

    var invoice = funder.get(invoicePath, "application/pdf");
    assertThat(invoice.status()).as(invoice.toString()).isEqualTo(200);
    assertThat(invoice.header("Content-Type")).get().asString().startsWith("application/pdf");
    String number = invoice.header("X-Invoice-Number").orElseThrow();
    assertThat(number).isEqualTo(String.format("FA-R%d-000001", relay.id()));

    ZUGFeRDValidator validator = new ZUGFeRDValidator();
    validator.disableArithmeticCheck(); // see FacturXTest.validator: the schematrons add it up
    String report = validator.validate(invoice.bytes(), number + ".pdf");
    assertThat(validator.wasCompletelyValid()).as(report).isTrue();

    long amountCents =
        funder
            .get(statementPath(programme.id(), statement))
            .json()
            .getJsonNumber("amountCents")
            .longValue();
    assertThat(amountCents).as("two vouchers of 60 euros, one given back").isEqualTo(6_000);
    InvoiceXml xml = InvoiceXml.of(invoice.bytes());
    assertThat(xml.total()).isEqualByComparingTo(BigDecimal.valueOf(amountCents, 2));
    assertThat(new BigDecimal(xml.text("//ram:DuePayableAmount")))
        .isEqualByComparingTo(BigDecimal.valueOf(amountCents, 2));
    assertThat(xml.text("//rsm:ExchangedDocument/ram:ID")).isEqualTo(number);
    assertThat(xml.texts("//ram:SpecifiedLineTradeSettlement//ram:LineTotalAmount"))
        .containsExactly("120.00", "-60.00");
    assertThat(xml.text("//ram:SellerTradeParty/ram:GlobalID"))
        .isEqualTo("9" + String.format("%013d", relay.id()));
    assertThat(xml.text("//ram:BuyerTradeParty/ram:GlobalID")).isEqualTo("22800001700014");
    assertThat(xml.text("//ram:BuyerReference")).isEqualTo("FIN-SOLIDARITE");
    assertThat(xml.text("//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"))
        .isEqualTo("EJ-2026-0042");

    var again = funder.get(invoicePath, "application/pdf");
    assertThat(again.header("X-Invoice-Number")).contains(number);
    assertThat(again.bytes()).isEqualTo(invoice.bytes());
    assertThat(
            funder.get(statementPath(programme.id(), statement)).json().getString("invoiceNumber"))
        .isEqualTo(number);
    assertThat(Api.as(base, "admin").get(invoicePath, "application/pdf").header("X-Invoice-Number"))
        .contains(number);

    assertProblem(Api.as(base, "financeur2").get(invoicePath, "application/pdf"), 404, "NOT_FOUND");

    // the public accountant's files: the lines of the statement add up to it
    String period = "?from=" + LAST_MONTH.atDay(1) + "&to=" + LAST_MONTH.atEndOfMonth();
    String siret = "9" + String.format("%013d", relay.id());
    List<CSVRecord> lines =
        csv(funder.get("api/v1/accounting/redemptions" + period, "text/csv")).stream()
            .filter(r -> r.get("programme_id").equals(Long.toString(programme.id())))
            .toList();
    assertThat(lines)
        .extracting(r -> r.get("kind"))
        .containsExactly("REDEMPTION", "REDEMPTION", "REVERSAL");
    assertThat(lines.stream().mapToLong(r -> Long.parseLong(r.get("amount_cents"))).sum())
        .isEqualTo(amountCents);
    assertThat(lines)
        .allSatisfy(
            r -> {
              assertThat(r.get("relay_id")).isEqualTo(Long.toString(relay.id()));
              assertThat(r.get("relay_siret")).isEqualTo(siret);
              assertThat(r.get("statement_id")).isEqualTo(Integer.toString(statement.getInt("id")));
              assertThat(r.get("statement_status")).isEqualTo("AGREED");
              assertThat(r.get("invoice_number")).isEqualTo(number);
              assertThat(r.get("code")).matches(PRINTED_CODE);
              assertThat(r.get("occurred_at")).matches(MOMENT_WITH_OFFSET);
            });
    CSVRecord settled =
        csv(funder.get("api/v1/accounting/statements" + period, "text/csv")).stream()
            .filter(r -> r.get("statement_id").equals(Integer.toString(statement.getInt("id"))))
            .findFirst()
            .orElseThrow();
    assertThat(
            List.of(
                settled.get("redeemed_cents"),
                settled.get("reversed_cents"),
                settled.get("amount_cents"),
                settled.get("invoice_number"),
                settled.get("status"),
                settled.get("relay_siret"),
                settled.get("agreement_reference")))
        .containsExactly("12000", "6000", "6000", number, "AGREED", siret, "D-18");
    assertThat(settled.get("invoiced_at")).matches(MOMENT_WITH_OFFSET);
    assertThat(csv(Api.as(base, "financeur2").get("api/v1/accounting/statements", "text/csv")))
        .noneMatch(r -> r.get("statement_id").equals(Integer.toString(statement.getInt("id"))));

    // the reconciliation: codes as the sheets print them, moments with their offset
    List<String> reconciliation =
        funder
            .get(
                "api/v1/voucher-programs/" + programme.id() + "/reconciliation" + period,
                "text/csv")
            .body()
            .lines()
            .skip(1)
            .toList();
    assertThat(reconciliation)
        .hasSize(3)
        .allMatch(l -> l.matches(PRINTED_CODE + "," + MOMENT_WITH_OFFSET + ",.*"));
    assertThat(reconciliation).anyMatch(l -> l.startsWith(programme.codes().get(0) + ","));
    assertThat(relay.counter().get(invoicePath, "application/pdf").status()).isEqualTo(403);
    String relaysCopy =
        "api/v1/relays/" + relay.id() + "/statements/" + statement.getInt("id") + "/invoice";
    var seller = relay.counter().get(relaysCopy, "application/pdf");
    assertThat(seller.status()).as(seller.toString()).isEqualTo(200);
    assertThat(seller.header("X-Invoice-Number")).contains(number);
    assertThat(seller.bytes()).isEqualTo(invoice.bytes());
    assertProblem(
        Api.as(base, "relais")
            .get(
                "api/v1/relays/"
                    + scenarios.organisationOf("relais")
                    + "/statements/"
                    + statement.getInt("id")
                    + "/invoice",
                "application/pdf"),
        404,
        "NOT_FOUND");
    assertProblem(
        funder.get(
            "api/v1/voucher-programs/" + programme.id() + "/statements/987654321/invoice",
            "application/pdf"),
        404,
        "NOT_FOUND");
  }

  @Test
  void twoRequestsAtOnceTakeOneNumberAndTwoStatementsOfARelayConsecutiveOnes() throws Exception {
    funderHasASiret();
    Relay relay = newRelay(true);
    Programme first = programme(5_000, 1);
    Programme second = programme(7_000, 1);
    sell(relay, first.codes().get(0), 20_000);
    sell(relay, second.codes().get(0), 20_000);
    soldLastMonth(first.id(), relay.id());
    soldLastMonth(second.id(), relay.id());
    JsonObject a = drawnUp(first.id(), relay.id());
    JsonObject b = drawnUp(second.id(), relay.id());
    agree(first.id(), a);
    agree(second.id(), b);

    String pathA = statementPath(first.id(), a) + "/invoice";
    String pathB = statementPath(second.id(), b) + "/invoice";
    List<Api.Answer> answers =
        Race.of(
            4, i -> Api.as(base, "financeur").get(i % 2 == 0 ? pathA : pathB, "application/pdf"));
    assertThat(answers).extracting(Api.Answer::status).containsOnly(200);
    List<String> numbers =
        answers.stream().map(r -> r.header("X-Invoice-Number").orElseThrow()).toList();
    assertThat(numbers.get(0)).isEqualTo(numbers.get(2));
    assertThat(numbers.get(1)).isEqualTo(numbers.get(3));
    assertThat(List.of(numbers.get(0), numbers.get(1)))
        .containsExactlyInAnyOrder(
            String.format("FA-R%d-000001", relay.id()), String.format("FA-R%d-000002", relay.id()));
    try (Connection db = TestDatabase.connect();
        PreparedStatement sql =
            db.prepareStatement("select count(*) from relay_invoice where relay_id = ?")) {
      sql.setLong(1, relay.id());
      var rows = sql.executeQuery();
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void aRelayWithoutSiretIsNotInvoicedAndNothingIsNumbered() throws Exception {
    funderHasASiret();
    Relay relay = newRelay(false);
    Programme programme = programme(4_000, 1);
    sell(relay, programme.codes().get(0), 20_000);
    soldLastMonth(programme.id(), relay.id());
    JsonObject statement = drawnUp(programme.id(), relay.id());
    agree(programme.id(), statement);
    String path = statementPath(programme.id(), statement) + "/invoice";
    assertProblem(funder.get(path, "application/pdf"), 422, "SIRET_MISSING");

    siret(Api.as(base, "admin"), relay.id(), "8" + String.format("%013d", relay.id()));
    assertThat(funder.get(path, "application/pdf").header("X-Invoice-Number"))
        .contains(String.format("FA-R%d-000001", relay.id()));
  }

  /**
   * As a finance officer would, in Chromium: after a month of sales, the funder draws up and agrees
   * the statement on its programme's page, opens the invoice its row then links to (followed over
   * HTTP with the page's session cookie: a PDF whose embedded XML carries the statement's total),
   * and the accountant's CSV linked from the page adds up to the statement; the page passes axe.
   */
  @Test
  void inChromiumTheAgreedStatementsInvoiceCarriesItsTotalAndTheCsvAddsUp() throws Exception {
    funderHasASiret();
    Relay relay = newRelay(true);
    Programme programme = programme(4_500, 2);
    sell(relay, programme.codes().get(0), 20_000);
    sell(relay, programme.codes().get(1), 18_000);
    soldLastMonth(programme.id(), relay.id());
    ChromeDriver browser = Browser.start();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1800));
    try {
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
      Browser.logIn(browser, base, "financeur", "demo");
      browser.get(base + "app/funder/programme.xhtml?id=" + programme.id());
      WebElement month = browser.findElement(By.id("statements-form:month"));
      month.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      month.sendKeys(String.format("%02d/%d", LAST_MONTH.getMonthValue(), LAST_MONTH.getYear()));
      WebElement table = browser.findElement(By.id("statements-form:statements"));
      browser.findElement(By.id("statements-form:draw-up")).click();
      wait.until(ExpectedConditions.stalenessOf(table));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.id("statements-form:statements:0:agree")));
      browser.findElement(By.id("statements-form:statements:0:agree")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settle-panel")));
      browser.findElement(By.id("statements-form:settle-reference")).sendKeys("Délibération CP-18");
      browser.findElement(By.id("statements-form:confirm-settle")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("statements-form:statements"), "Délibération CP-18"));

      JsonObject statement =
          funder
              .get("api/v1/voucher-programs/" + programme.id() + "/statements")
              .structure()
              .asJsonArray()
              .getValuesAs(JsonObject.class)
              .get(0);
      long amountCents = statement.getJsonNumber("amountCents").longValue();
      assertThat(amountCents).isEqualTo(9_000);
      assertThat(browser.findElement(By.id("statements-form:statements")).getText())
          .contains("90,00");

      WebElement link =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.id("invoice-" + statement.getInt("id"))));
      assertThat(link.getAttribute("aria-label")).contains(LAST_MONTH.getYear() + "");
      Api.Answer pdf = followWithSession(browser, link.getAttribute("href"));
      assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
      assertThat(pdf.header("Content-Type")).get().asString().startsWith("application/pdf");
      InvoiceXml xml = InvoiceXml.of(pdf.bytes());
      assertThat(xml.total()).isEqualByComparingTo(BigDecimal.valueOf(amountCents, 2));
      String number = pdf.header("X-Invoice-Number").orElseThrow();

      browser.navigate().refresh();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("invoice-" + statement.getInt("id")), number));
      assertThat(Accessibility.violations(browser)).isEmpty();

      Api.Answer redemptions =
          followWithSession(
              browser,
              browser.findElement(By.id("accounting-redemptions")).getAttribute("href")
                  + "?from="
                  + LAST_MONTH.atDay(1)
                  + "&to="
                  + LAST_MONTH.atEndOfMonth());
      List<CSVRecord> lines =
          csv(redemptions).stream()
              .filter(r -> r.get("programme_id").equals(Long.toString(programme.id())))
              .toList();
      assertThat(lines).hasSize(2).allMatch(r -> r.get("invoice_number").equals(number));
      assertThat(lines.stream().mapToLong(r -> Long.parseLong(r.get("amount_cents"))).sum())
          .isEqualTo(amountCents);
    } finally {
      browser.quit();
    }
  }

  /** Follows a link of the page over HTTP with the browser's cookies (its web session). */
  static Api.Answer followWithSession(ChromeDriver browser, String href) throws Exception {
    String cookies =
        browser.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
    HttpResponse<byte[]> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    return new Api.Answer(answer.statusCode(), answer.headers().map(), answer.body());
  }
}
