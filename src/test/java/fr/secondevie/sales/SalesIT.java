package fr.secondevie.sales;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.sales.control.HoldExpiryJob;
import fr.secondevie.testing.Api;
import fr.secondevie.testing.Deployments;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Counter sales on the packaged WAR and the test database (H2, or PostgreSQL with -Dit.db.url),
 * through the HTTP API as a relay's counter calls it, with a fake Stripe that speaks Stripe's wire
 * format and signs its webhooks. The hold expiry runs inside the server with the clock moved.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesIT {

  private static FakeStripe stripe;

  @Deployment(testable = true)
  static WebArchive deployment() throws Exception {
    return Deployments.withTests(
        new Class<?>[] {
          SalesIT.class,
          Api.class,
          Scenarios.class,
          Pdfs.class,
          FakeStripe.class,
          Race.class,
          fr.secondevie.vouchers.VoucherFixtures.class
        },
        org.assertj.core.api.Assertions.class);
  }

  @ArquillianResource URL base;
  @Inject HoldExpiryJob holdExpiry;
  @Inject fr.secondevie.vouchers.VoucherFixtures fixtures;
  @Inject Clock clock;

  private Api counter() {
    return Api.as(base, "relais");
  }

  private static synchronized FakeStripe stripe() {
    if (stripe == null) {
      stripe = FakeStripe.start();
    }
    return stripe;
  }

  /** The fake listens on the port the server was told; the next IT class may need it again. */
  @org.junit.jupiter.api.AfterAll
  static synchronized void stopStripe() {
    if (stripe != null) {
      stripe.close();
      stripe = null;
    }
  }

  private Scenarios scenarios() {
    return new Scenarios(base);
  }

  private int laptop(long listCents) {
    return scenarios().availableDevice("donateur", "LAPTOP", "relais", listCents);
  }

  private String person() {
    return scenarios().eligibleBeneficiary("RSA");
  }

  private static String order(String beneficiary, List<Integer> devices, String services) {
    return "{\"beneficiaryId\":\""
        + beneficiary
        + "\",\"deviceIds\":"
        + devices
        + (services == null ? "" : ",\"services\":" + services)
        + "}";
  }

  private Api.Answer open(String beneficiary, Integer... devices) {
    return counter().post("api/v1/orders", order(beneficiary, List.of(devices), null));
  }

  private long openOrder(String beneficiary, Integer... devices) {
    Api.Answer opened = open(beneficiary, devices);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    return opened.json().getJsonNumber("id").longValue();
  }

  private String deviceStatus(int deviceId) {
    return counter().get("api/v1/devices/" + deviceId).json().getString("status");
  }

  private String voucherStatus(String code) {
    return counter().get("api/v1/vouchers/" + code).json().getString("status");
  }

  private static long cents(JsonObject json, String field) {
    return json.getJsonNumber(field).longValue();
  }

  // ---- opening ----

  @Test
  @Order(1)
  @RunAsClient
  void anOrderReservesItsDevicesAtSolidarityPrices() {
    int first = laptop(30000);
    String person = person();
    var price = counter().get("api/v1/devices/" + first + "/price?beneficiaryId=" + person);
    Api.Answer opened = open(person, first);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    assertThat(opened.header("Location"))
        .hasValueSatisfying(l -> l.endsWith("/orders/" + opened.json().getInt("id")));
    JsonObject order = opened.json();
    assertThat(order.getString("status")).isEqualTo("OPEN");
    JsonObject line = order.getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("kind")).isEqualTo("DEVICE");
    assertThat(line.getInt("deviceId")).isEqualTo(first);
    assertThat(cents(line, "listPriceCents")).isEqualTo(30000);
    if (price.status() == 200) {
      assertThat(cents(line, "priceCents")).isEqualTo(cents(price.json(), "solidarityPriceCents"));
    }
    assertThat(cents(line, "priceCents")).isLessThan(30000);
    assertThat(cents(order, "totalCents")).isEqualTo(cents(line, "priceCents"));
    assertThat(cents(order, "dueCents")).isEqualTo(cents(order, "totalCents"));
    assertThat(cents(order, "paidCents")).isZero();
    assertThat(order.getJsonArray("vouchers")).isEmpty();
    assertThat(order.getJsonArray("payments")).isEmpty();
    assertThat(deviceStatus(first)).isEqualTo("RESERVED");

    // no receipt before the sale is paid
    long orderId = order.getJsonNumber("id").longValue();
    assertThat(counter().get("api/v1/orders/" + orderId + "/receipt", "application/pdf").status())
        .isEqualTo(409);

    // the same device in another order, even for another person: 409
    Api.Answer again = open(person(), first);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("DEVICE_UNAVAILABLE");
  }

  @Test
  @Order(2)
  @RunAsClient
  void openingRefusesWhatTheCounterMayNotSell() {
    String person = person();
    // another relay's counter cannot sell this relay's device: it does not exist for it
    int device = laptop(20000);
    Api.Answer otherRelay =
        Api.as(base, "relais2").post("api/v1/orders", order(person, List.of(device), null));
    assertThat(otherRelay.status()).isEqualTo(404);
    // a person with no decision is not eligible
    var stranger =
        Api.as(base, "social")
            .post(
                "api/v1/beneficiaries",
                "{\"fileReference\":\"X-1\",\"householdSize\":1,\"postalCode\":\"80000\"}");
    Api.Answer notEligible = open(stranger.json().getString("id"), device);
    assertThat(notEligible.status()).isEqualTo(422);
    assertThat(notEligible.json().getString("code")).isEqualTo("NOT_ELIGIBLE");
    // two laptops for a quota of one
    Api.Answer quota = open(person, device, laptop(20000));
    assertThat(quota.status()).isEqualTo(422);
    assertThat(quota.json().getString("code")).isEqualTo("QUOTA_EXCEEDED");
    assertThat(deviceStatus(device)).as("a refused order reserves nothing").isEqualTo("AVAILABLE");
    // bad input changes nothing
    for (String bad :
        List.of(
            "{\"deviceIds\":[" + device + "]}",
            "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[]}",
            "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + device + "," + device + "]}",
            "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[\"x\"]}",
            "{\"beneficiaryId\":\""
                + person
                + "\",\"services\":[{\"serviceId\":1,\"quantity\":0}]}",
            "")) {
      Api.Answer refused = counter().post("api/v1/orders", bad);
      assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
      assertThat(refused.json().getString("code")).isEqualTo("INVALID_INPUT");
    }
    assertThat(deviceStatus(device)).isEqualTo("AVAILABLE");
    // roles: a social worker may not sell, nobody anonymous either
    assertThat(
            Api.as(base, "social")
                .post("api/v1/orders", order(person, List.of(device), null))
                .status())
        .isEqualTo(403);
    assertThat(
            Api.anonymous(base)
                .post("api/v1/orders", order(person, List.of(device), null))
                .status())
        .isEqualTo(401);
    // an order of one relay is not found by another relay's counter, admin reads it
    long id = openOrder(person, device);
    assertThat(Api.as(base, "relais2").get("api/v1/orders/" + id).status()).isEqualTo(404);
    assertThat(Api.as(base, "relais2").post("api/v1/orders/" + id + "/cancellation").status())
        .isEqualTo(404);
    assertThat(Api.as(base, "admin").get("api/v1/orders/" + id).status()).isEqualTo(200);
    assertThat(counter().get("api/v1/orders/999999999").status()).isEqualTo(404);
  }

  // ---- vouchers, cash, completion, receipt ----

  @Test
  @Order(3)
  @RunAsClient
  void aSalePaidByTwoFundersAndCashAddsUpToTheCent() {
    int device = laptop(40000);
    String person = person();
    long id = openOrder(person, device);
    long total = cents(counter().get("api/v1/orders/" + id).json(), "totalCents");
    String somme =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 5000, 1, "80", null).get(0);
    String other =
        scenarios().vouchers("financeur2", "CHEQUE_EQUIPEMENT", 3000, 1, "8", person).get(0);

    Api.Answer first =
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + somme + "\"}");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(
            first
                .json()
                .getJsonArray("vouchers")
                .getJsonObject(0)
                .getJsonNumber("appliedCents")
                .longValue())
        .isEqualTo(Math.min(5000, total));
    // the same voucher again answers the same
    assertThat(
            counter()
                .post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + somme + "\"}")
                .json()
                .getJsonArray("vouchers"))
        .hasSize(1);
    Api.Answer second =
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + other + "\"}");
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    JsonObject order = second.json();
    long vouchersCents = cents(order, "vouchersCents");
    long due = cents(order, "dueCents");
    assertThat(vouchersCents + due).isEqualTo(total);
    assertThat(voucherStatus(somme)).isEqualTo("HELD");

    // cash: more than due is refused, then the exact rest
    Api.Answer tooMuch =
        counter()
            .post(
                "api/v1/orders/" + id + "/payments",
                "{\"method\":\"CASH\",\"amountCents\":" + (due + 1) + "}");
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().getString("code")).isEqualTo("AMOUNT_EXCEEDS_DUE");
    Api.Answer early = counter().post("api/v1/orders/" + id + "/completion");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().getString("code")).isEqualTo("BALANCE_DUE");
    Api.Answer cash =
        counter()
            .post(
                "api/v1/orders/" + id + "/payments",
                "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
    assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    assertThat(cash.json().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(cash.json().getString("method")).isEqualTo("CASH");
    assertThat(cash.json().get("clientSecret")).isIn(null, JsonValue.NULL);

    Api.Answer done = counter().post("api/v1/orders/" + id + "/completion");
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().getString("status")).isEqualTo("PAID");
    assertThat(cents(done.json(), "paidCents")).isEqualTo(total);
    assertThat(cents(done.json(), "dueCents")).isZero();
    assertThat(deviceStatus(device)).isEqualTo("SOLD");
    assertThat(voucherStatus(somme)).isEqualTo("REDEEMED");
    assertThat(voucherStatus(other)).isEqualTo("REDEEMED");
    // completing again answers the same; nothing can change a paid order
    assertThat(
            counter().post("api/v1/orders/" + id + "/completion").json().getString("receiptNumber"))
        .isEqualTo(done.json().getString("receiptNumber"));
    assertThat(counter().post("api/v1/orders/" + id + "/cancellation").json().getString("code"))
        .isEqualTo("ORDER_NOT_OPEN");

    // each funder sees its own share in its reconciliation, at this relay
    long relay = scenarios().organisationOf("relais");
    for (String[] funderAndCode : new String[][] {{"financeur", somme}, {"financeur2", other}}) {
      JsonObject voucher = counter().get("api/v1/vouchers/" + funderAndCode[1]).json();
      int programme = voucher.getJsonObject("program").getInt("id");
      JsonObject reconciliation =
          Api.as(base, funderAndCode[0])
              .get("api/v1/voucher-programs/" + programme + "/reconciliation")
              .json();
      long applied =
          order.getJsonArray("vouchers").getValuesAs(JsonObject.class).stream()
              .filter(
                  v ->
                      v.getString("code")
                          .replace("-", "")
                          .equals(funderAndCode[1].replace("-", "")))
              .mapToLong(v -> cents(v, "appliedCents"))
              .sum();
      assertThat(cents(reconciliation, "redeemedAppliedCents")).isEqualTo(applied);
      assertThat(reconciliation.getJsonArray("byRelay").getJsonObject(0).getInt("relayId"))
          .isEqualTo((int) relay);
    }

    // the receipt: one page, the number, the serial, the warranty, amounts that add up
    Api.Answer pdf = counter().get("api/v1/orders/" + id + "/receipt", "application/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).hasValueSatisfying(t -> t.startsWith("application/pdf"));
    String text = Pdfs.text(pdf.bytes());
    assertThat(Pdfs.pages(pdf.bytes())).isEqualTo(1);
    assertThat(text)
        .contains(done.json().getString("receiptNumber"))
        .contains(done.json().getJsonArray("lines").getJsonObject(0).getString("serialNumber"))
        .contains("Garantie légale de conformité")
        .contains("12 mois")
        .contains("Département de la Somme")
        .contains("Payé en espèces");
    assertThat(euros(text, "Total à payer")).isEqualTo(total);
    long funders =
        text.lines().filter(l -> l.startsWith("Payé par ")).mapToLong(l -> lastAmount(l)).sum();
    assertThat(funders + euros(text, "Payé en espèces")).isEqualTo(total);
    assertThat(euros(text, "Reste dû")).isZero();
    assertThat(text).doesNotContain(person);
  }

  private static long euros(String text, String label) {
    return text.lines()
        .filter(l -> l.startsWith(label))
        .findFirst()
        .map(SalesIT::lastAmount)
        .orElseThrow(() -> new AssertionError(label + " not in\n" + text));
  }

  /** "Total à payer 123,45 €" → 12345. */
  private static long lastAmount(String line) {
    var m = java.util.regex.Pattern.compile("(\\d[\\d  ]*),(\\d\\d) €\\s*$").matcher(line);
    if (!m.find()) {
      throw new AssertionError("no amount in " + line);
    }
    return Long.parseLong(m.group(1).replaceAll("[^\\d]", "")) * 100 + Long.parseLong(m.group(2));
  }

  @Test
  @Order(4)
  @RunAsClient
  void vouchersThatMayNotPayAreRefusedAndAReleasedOneIsFreeAgain() {
    int device = laptop(30000);
    String person = person();
    long id = openOrder(person, device);
    String path = "api/v1/orders/" + id + "/vouchers";
    // a pass numérique pays services, not devices
    String pass = scenarios().vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);
    assertRefused(
        counter().post(path, "{\"code\":\"" + pass + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
    // another territory (the person lives in 80000)
    String paris =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "75", null).get(0);
    assertRefused(
        counter().post(path, "{\"code\":\"" + paris + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
    // bound to someone else
    String nominative =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", person()).get(0);
    assertRefused(
        counter().post(path, "{\"code\":\"" + nominative + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
    // a typo is refused before any lookup; an unknown code is not found
    String good =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
    String typo = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
    assertRefused(counter().post(path, "{\"code\":\"" + typo + "\"}"), 400, "MALFORMED_CODE");
    assertRefused(counter().post(path, "{\"code\":\"\"}"), 400, "INVALID_INPUT");
    // held by another order
    long other = openOrder(person(), laptop(30000));
    assertThat(
            counter()
                .post("api/v1/orders/" + other + "/vouchers", "{\"code\":\"" + good + "\"}")
                .status())
        .isEqualTo(200);
    assertRefused(counter().post(path, "{\"code\":\"" + good + "\"}"), 409, "VOUCHER_UNAVAILABLE");
    // released by the other order, it is free for this one
    Api.Answer released = counter().delete("api/v1/orders/" + other + "/vouchers/" + good);
    assertThat(released.status()).as(released.toString()).isEqualTo(200);
    assertThat(released.json().getJsonArray("vouchers")).isEmpty();
    assertThat(voucherStatus(good)).isEqualTo("ISSUED");
    assertThat(counter().post(path, "{\"code\":\"" + good + "\"}").status()).isEqualTo(200);
    assertThat(counter().delete("api/v1/orders/" + other + "/vouchers/" + good).status())
        .isEqualTo(404);
    // none of the refusals took anything
    for (String code : List.of(pass, paris, nominative)) {
      assertThat(voucherStatus(code)).isEqualTo("ISSUED");
    }
    // nothing left to pay on devices: a voucher worth more than the price covers the price only,
    // and a further one is not applicable
    String big =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 100000, 2, "80", null).get(0);
    JsonObject withBig = counter().post(path, "{\"code\":\"" + big + "\"}").json();
    assertThat(cents(withBig, "dueCents")).isZero();
    long applied =
        withBig.getJsonArray("vouchers").getValuesAs(JsonObject.class).stream()
            .mapToLong(v -> cents(v, "appliedCents"))
            .sum();
    assertThat(applied).isEqualTo(cents(withBig, "totalCents"));
    String more = scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 500, 1, "80", null).get(0);
    assertRefused(
        counter().post(path, "{\"code\":\"" + more + "\"}"), 422, "VOUCHER_NOT_APPLICABLE");
  }

  @Test
  @Order(5)
  @RunAsClient
  void aPassNumeriquePaysTheServicesOfAnOrder() {
    long relay = scenarios().organisationOf("relais");
    JsonObject service =
        counter()
            .get("api/v1/relays/" + relay + "/services")
            .structure()
            .asJsonArray()
            .getJsonObject(0);
    String person = person();
    Api.Answer opened =
        counter()
            .post(
                "api/v1/orders",
                order(
                    person,
                    List.of(),
                    "[{\"serviceId\":" + service.getInt("id") + ",\"quantity\":2}]"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    JsonObject line = opened.json().getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("kind")).isEqualTo("SERVICE");
    assertThat(cents(line, "priceCents")).isEqualTo(2 * cents(service, "priceCents"));
    long id = opened.json().getJsonNumber("id").longValue();
    String pass = scenarios().vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);
    Api.Answer paid =
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + pass + "\"}");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    long rest = cents(paid.json(), "dueCents");
    if (rest > 0) {
      assertThat(
              counter()
                  .post(
                      "api/v1/orders/" + id + "/payments",
                      "{\"method\":\"CASH\",\"amountCents\":" + rest + "}")
                  .status())
          .isEqualTo(201);
    }
    assertThat(counter().post("api/v1/orders/" + id + "/completion").json().getString("status"))
        .isEqualTo("PAID");
  }

  private static void assertRefused(Api.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.json().getString("code")).as(answer.toString()).isEqualTo(code);
  }

  // ---- card payments through Stripe ----

  @Test
  @Order(6)
  @RunAsClient
  void aCardPaymentIsSettledByTheSignedWebhookOnceAndInOrder() {
    FakeStripe fake = stripe();
    int device = laptop(25000);
    long id = openOrder(person(), device);
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    Api.Answer card =
        counter()
            .post(
                "api/v1/orders/" + id + "/payments",
                "{\"method\":\"CARD\",\"amountCents\":" + due + "}");
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    assertThat(card.json().getString("status")).isEqualTo("PENDING");
    String secret = card.json().getString("clientSecret");
    assertThat(secret).contains("_secret_");
    String intent = secret.substring(0, secret.indexOf("_secret_"));
    assertThat(fake.intent(intent).orElseThrow().amount()).isEqualTo(due);
    assertThat(fake.intent(intent).orElseThrow().metadata())
        .containsEntry("order_id", String.valueOf(id));
    // pending is not paid
    assertRefused(counter().post("api/v1/orders/" + id + "/completion"), 409, "BALANCE_DUE");
    assertRefused(
        counter()
            .post("api/v1/orders/" + id + "/payments", "{\"method\":\"CASH\",\"amountCents\":1}"),
        422,
        "AMOUNT_EXCEEDS_DUE");
    // a forged event changes nothing
    String succeeded = fake.succeededEvent(intent);
    assertThat(
            FakeStripe.post(
                    base,
                    succeeded,
                    FakeStripe.signature(succeeded, "whsec_not_the_secret", FakeStripe.now()))
                .statusCode())
        .isEqualTo(400);
    assertThat(paymentStatus(id)).isEqualTo("PENDING");
    // the real one settles it; a replay and a late failure change nothing
    assertThat(fake.deliver(base, succeeded)).isEqualTo(200);
    assertThat(paymentStatus(id)).isEqualTo("SUCCEEDED");
    assertThat(fake.deliver(base, succeeded)).isEqualTo(200);
    assertThat(fake.deliver(base, fake.failedEvent(intent, "Your card was declined.")))
        .isEqualTo(200);
    assertThat(paymentStatus(id)).isEqualTo("SUCCEEDED");
    JsonObject paid = counter().post("api/v1/orders/" + id + "/completion").json();
    assertThat(paid.getString("status")).isEqualTo("PAID");
    assertThat(cents(paid, "paidCents")).isEqualTo(due);
  }

  @Test
  @Order(7)
  @RunAsClient
  void aDeclinedCardLeavesTheAmountDueAndACancelledOrderIsRefundedAndReleased() {
    FakeStripe fake = stripe();
    int device = laptop(25000);
    long id = openOrder(person(), device);
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    String declined =
        intentOf(
            counter()
                .post(
                    "api/v1/orders/" + id + "/payments",
                    "{\"method\":\"CARD\",\"amountCents\":" + due + "}"));
    assertThat(fake.deliver(base, fake.failedEvent(declined, "Your card was declined.")))
        .isEqualTo(200);
    assertThat(paymentStatus(id)).isEqualTo("FAILED");
    assertThat(cents(counter().get("api/v1/orders/" + id).json(), "dueCents")).isEqualTo(due);
    // a voucher, and a second card that goes through
    String code =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
    long rest =
        cents(
            counter()
                .post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}")
                .json(),
            "dueCents");
    String paidIntent =
        intentOf(
            counter()
                .post(
                    "api/v1/orders/" + id + "/payments",
                    "{\"method\":\"CARD\",\"amountCents\":" + rest + "}"));
    assertThat(fake.deliver(base, fake.succeededEvent(paidIntent))).isEqualTo(200);
    // the person changes their mind: everything goes back
    Api.Answer cancelled = counter().post("api/v1/orders/" + id + "/cancellation");
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
    assertThat(deviceStatus(device)).isEqualTo("AVAILABLE");
    assertThat(voucherStatus(code)).isEqualTo("ISSUED");
    assertThat(fake.refunds())
        .anySatisfy(
            r -> {
              assertThat(r.paymentIntent()).isEqualTo(paidIntent);
              assertThat(r.amount()).isEqualTo(rest);
            });
    assertThat(fake.refunds()).noneSatisfy(r -> assertThat(r.paymentIntent()).isEqualTo(declined));
    assertThat(
            cancelled.json().getJsonArray("payments").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("status"))
                .toList())
        .containsExactly("FAILED", "REFUNDED");
    // cancelling again answers the same and refunds nothing twice
    int refunds = fake.refunds().size();
    assertThat(counter().post("api/v1/orders/" + id + "/cancellation").status()).isEqualTo(200);
    assertThat(fake.refunds()).hasSize(refunds);
  }

  @Test
  @Order(7)
  @RunAsClient
  void aCardChargedJustBeforeTheOrderIsCancelledIsRefundedOnce() {
    FakeStripe fake = stripe();
    int device = laptop(25000);
    long id = openOrder(person(), device);
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    String intent =
        intentOf(
            counter()
                .post(
                    "api/v1/orders/" + id + "/payments",
                    "{\"method\":\"CARD\",\"amountCents\":" + due + "}"));
    // the bank takes the card, but its event has not reached the server when the person, tired of
    // waiting, is told the sale is off and the counter cancels
    String succeeded = fake.succeededEvent(intent);
    JsonObject cancelled = counter().post("api/v1/orders/" + id + "/cancellation").json();
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(deviceStatus(device)).isEqualTo("AVAILABLE");
    assertThat(paymentStatus(id)).isEqualTo("REFUNDED");
    assertThat(fake.refunds())
        .filteredOn(r -> r.paymentIntent().equals(intent))
        .singleElement()
        .satisfies(r -> assertThat(r.amount()).isEqualTo(due));
    // the event arrives afterwards: nothing is refunded twice, the order stays cancelled
    assertThat(fake.deliver(base, succeeded)).isEqualTo(200);
    assertThat(fake.refunds()).filteredOn(r -> r.paymentIntent().equals(intent)).hasSize(1);
    assertThat(paymentStatus(id)).isEqualTo("REFUNDED");
    assertThat(counter().get("api/v1/orders/" + id).json().getString("status"))
        .isEqualTo("CANCELLED");
  }

  private String intentOf(Api.Answer card) {
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    String secret = card.json().getString("clientSecret");
    return secret.substring(0, secret.indexOf("_secret_"));
  }

  private String paymentStatus(long orderId) {
    var payments = counter().get("api/v1/orders/" + orderId).json().getJsonArray("payments");
    return payments.getJsonObject(payments.size() - 1).getString("status");
  }

  // ---- races ----

  @Test
  @Order(8)
  @RunAsClient
  void twoOrdersForOneDeviceOneWins() throws Exception {
    int device = laptop(20000);
    List<String> people = List.of(person(), person());
    List<Integer> statuses = Race.of(2, n -> open(people.get(n), device).status());
    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
  }

  @Test
  @Order(9)
  @RunAsClient
  void fiftyOrdersForOneVoucherOneWins() throws Exception {
    long relay = scenarios().organisationOf("relais");
    int service =
        counter()
            .get("api/v1/relays/" + relay + "/services")
            .structure()
            .asJsonArray()
            .getJsonObject(0)
            .getInt("id");
    String person = person();
    List<Long> orders = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Api.Answer opened =
          counter()
              .post(
                  "api/v1/orders",
                  order(person, List.of(), "[{\"serviceId\":" + service + ",\"quantity\":1}]"));
      assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
      orders.add(opened.json().getJsonNumber("id").longValue());
    }
    String code = scenarios().vouchers("financeur", "PASS_NUMERIQUE", 1000, 1, "80", null).get(0);
    List<Api.Answer> answers =
        Race.of(
            50,
            n ->
                counter()
                    .post(
                        "api/v1/orders/" + orders.get(n) + "/vouchers",
                        "{\"code\":\"" + code + "\"}"));
    Map<Integer, Long> byStatus =
        answers.stream().collect(Collectors.groupingBy(Api.Answer::status, Collectors.counting()));
    assertThat(byStatus)
        .as(
            answers.stream()
                .filter(a -> a.status() >= 500)
                .map(Api.Answer::toString)
                .findFirst()
                .orElse(""))
        .containsOnly(Map.entry(200, 1L), Map.entry(409, 49L));
    long holders =
        orders.stream()
            .filter(
                o -> !counter().get("api/v1/orders/" + o).json().getJsonArray("vouchers").isEmpty())
            .count();
    assertThat(holders).isEqualTo(1);
    for (long o : orders) {
      counter().post("api/v1/orders/" + o + "/cancellation");
    }
    assertThat(voucherStatus(code)).isEqualTo("ISSUED");
  }

  @Test
  @Order(10)
  @RunAsClient
  void twoCountersCompletingForThePersonsLastLaptopOneWinsAndTheOtherChangesNothing()
      throws Exception {
    String person = person();
    int first = laptop(20000);
    int second = laptop(20000);
    long a = openOrder(person, first);
    long b = openOrder(person, second);
    Map<Long, String> codes = new ConcurrentHashMap<>();
    for (long o : List.of(a, b)) {
      String code =
          scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
      codes.put(o, code);
      long rest =
          cents(
              counter()
                  .post("api/v1/orders/" + o + "/vouchers", "{\"code\":\"" + code + "\"}")
                  .json(),
              "dueCents");
      assertThat(
              counter()
                  .post(
                      "api/v1/orders/" + o + "/payments",
                      "{\"method\":\"CASH\",\"amountCents\":" + rest + "}")
                  .status())
          .isEqualTo(201);
    }
    List<Long> orders = List.of(a, b);
    List<Api.Answer> answers =
        Race.of(2, n -> counter().post("api/v1/orders/" + orders.get(n) + "/completion"));
    assertThat(answers.stream().map(Api.Answer::status).toList())
        .containsExactlyInAnyOrder(200, 422);
    Api.Answer lost = answers.stream().filter(x -> x.status() == 422).findFirst().orElseThrow();
    assertThat(lost.json().getString("code")).isEqualTo("QUOTA_EXCEEDED");
    long winner = answers.get(0).status() == 200 ? a : b;
    long loser = winner == a ? b : a;
    int loserDevice = loser == a ? first : second;
    // the refused completion had sold its device and redeemed its voucher before the quota said no:
    // nothing of that remains
    assertThat(counter().get("api/v1/orders/" + loser).json().getString("status"))
        .isEqualTo("OPEN");
    assertThat(deviceStatus(loserDevice)).isEqualTo("RESERVED");
    assertThat(voucherStatus(codes.get(loser))).isEqualTo("HELD");
    assertThat(voucherStatus(codes.get(winner))).isEqualTo("REDEEMED");
    assertThat(
            counter()
                .get("api/v1/beneficiaries/" + person + "/eligibility")
                .json()
                .getInt("devicesLeft"))
        .isNotNegative();
  }

  // ---- the counter's screen, in Chromium ----

  @Test
  @Order(15)
  @RunAsClient
  void aFullSaleWithAVoucherAndCashAtTheCounterScreen() throws Exception {
    int device = laptop(22000);
    String serial = counter().get("api/v1/devices/" + device).json().getString("serialNumber");
    String person = person();
    String code =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 5000, 1, "80", null).get(0);
    SaleJourney.Seen seen = SaleJourney.sellWithAVoucherAndCash(base, person, serial, code);
    assertThat(seen.totalBefore()).isEqualTo(seen.totalAfter());
    assertThat(seen.receiptHref()).contains("/api/v1/orders/").endsWith("/receipt");
    assertThat(deviceStatus(device)).isEqualTo("SOLD");
    assertThat(voucherStatus(code)).isEqualTo("REDEEMED");
    String href = seen.receiptHref();
    String receipt =
        Pdfs.text(
            counter().get(href.substring(href.indexOf("api/v1/")), "application/pdf").bytes());
    assertThat(receipt).contains(serial).contains("Payé en espèces");
  }

  // ---- a voucher past its validity and tolerance (programme made inside the server) ----

  @Test
  @Order(19)
  void aVoucherPastItsValidityAndToleranceIsRefusedAsExpired() {
    String code =
        fixtures
            .programme(
                "Département de la Somme",
                "IT ventes expiré",
                1000,
                LocalDate.now(clock).minusYears(1).withDayOfYear(1),
                LocalDate.now(clock).minusYears(1).withMonth(12).withDayOfMonth(31),
                31,
                1,
                null)
            .codes()
            .get(0);
    long id = openOrder(person(), laptop(20000));
    assertRefused(
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}"),
        422,
        "VOUCHER_EXPIRED");
    assertThat(cents(counter().get("api/v1/orders/" + id).json(), "vouchersCents")).isZero();
  }

  // ---- hold expiry, with the clock moved (inside the server) ----

  @Test
  @Order(20)
  void ordersLeftAloneExpireAndReleaseEverything() {
    int device = laptop(20000);
    long id = openOrder(person(), device);
    String code =
        scenarios().vouchers("financeur", "CHEQUE_EQUIPEMENT", 1000, 1, "80", null).get(0);
    assertThat(
            counter()
                .post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}")
                .status())
        .isEqualTo(200);
    LocalDateTime now = LocalDateTime.now(clock);
    holdExpiry.releaseLeftAlone(now.plusMinutes(29));
    assertThat(counter().get("api/v1/orders/" + id).json().getString("status")).isEqualTo("OPEN");
    assertThat(holdExpiry.releaseLeftAlone(now.plusMinutes(31))).isPositive();
    JsonObject expired = counter().get("api/v1/orders/" + id).json();
    assertThat(expired.getString("status")).isEqualTo("EXPIRED");
    assertThat(deviceStatus(device)).isEqualTo("AVAILABLE");
    assertThat(voucherStatus(code)).isEqualTo("ISSUED");
    assertRefused(
        counter().post("api/v1/orders/" + id + "/vouchers", "{\"code\":\"" + code + "\"}"),
        409,
        "ORDER_NOT_OPEN");
    // a second run finds nothing left to release
    assertThat(holdExpiry.releaseLeftAlone(now.plusMinutes(31))).isZero();
  }
}
