package fr.secondevie.sales;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.Pdfs;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Returns at the counter (API.md second part, "Returns"): the legal warranty and the return period,
 * what comes back by each means (the voucher reinstated, cash out of the open drawer, the card
 * refunded at the fake Stripe), the device back at its workshop, the journal and the closing that
 * count the refund, the funder's reconciliation and statements that net it, two returns at once,
 * and a refused card refund that leaves nothing behind. Each test on a relay of its own.
 */
class ReturnsIT {

  final URL base = Server.shared();
  final Scenarios scenarios = new Scenarios(base);

  record Relay(String user, long id, Api counter) {}

  /** A sale completed at the relay: the order, its device and person, what paid for it. */
  record Sale(
      long order,
      int device,
      String person,
      long priceCents,
      long cashCents,
      String voucher,
      long programme,
      String intent) {}

  Relay newRelay() {
    String user =
        scenarios.newRelayCounter("Relais retours " + UUID.randomUUID().toString().substring(0, 4));
    return new Relay(user, scenarios.organisationOf(user), scenarios.user(user));
  }

  /**
   * A laptop sold at the relay, paid by a chèque-équipement of {@code voucherCents} (0: none) and
   * the rest in cash, or by card through the fake Stripe when {@code card}.
   */
  Sale sell(Relay relay, long listCents, long voucherCents, boolean card) {
    int device = scenarios.availableDevice("donateur", "LAPTOP", relay.user(), listCents);
    String person = scenarios.eligibleBeneficiary("RSA");
    long order = scenarios.openOrder(relay.user(), person, device);
    String path = "api/v1/orders/" + order;
    long price = relay.counter().get(path).json().getJsonNumber("totalCents").longValue();
    String code = null;
    long programme = 0;
    if (voucherCents > 0) {
      code =
          scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", voucherCents, 1, "80", null).get(0);
      var added = relay.counter().post(path + "/vouchers", "{\"code\":\"" + code + "\"}");
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
      programme =
          Api.as(base, "financeur")
              .get("api/v1/vouchers/" + code)
              .json()
              .getJsonObject("program")
              .getJsonNumber("id")
              .longValue();
    }
    long due = relay.counter().get(path).json().getJsonNumber("dueCents").longValue();
    String intent = null;
    if (due > 0 && card) {
      FakeStripe fake = FakeStripe.shared(); // started on first use, where the server calls it
      var paid =
          relay
              .counter()
              .post(path + "/payments", "{\"method\":\"CARD\",\"amountCents\":" + due + "}");
      assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
      String secret = paid.json().getString("clientSecret");
      intent = secret.substring(0, secret.indexOf("_secret_"));
      assertThat(fake.deliver(base, fake.succeededEvent(intent))).isEqualTo(200);
    } else if (due > 0) {
      var paid =
          relay
              .counter()
              .post(path + "/payments", "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
      assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }
    var completed = relay.counter().post(path + "/completion");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    return new Sale(
        order, device, person, price, card ? 0 : due, code, programme, card ? intent : null);
  }

  static String returnOf(int device, String reason) {
    return "{\"deviceId\":" + device + ",\"reason\":\"" + reason + "\",\"note\":\"Écran noir\"}";
  }

  Api.Answer giveBack(Relay relay, Sale sale, String reason) {
    return relay
        .counter()
        .post("api/v1/orders/" + sale.order() + "/returns", returnOf(sale.device(), reason));
  }

  String deviceStatus(Relay relay, int device) {
    return relay.counter().get("api/v1/devices/" + device).json().getString("status");
  }

  List<String> journalKinds(Relay relay) {
    return relay
        .counter()
        .get("api/v1/relays/" + relay.id() + "/journal")
        .structure()
        .asJsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .map(e -> e.getString("kind"))
        .toList();
  }

  boolean journalVerifies(Relay relay) {
    return relay
        .counter()
        .get("api/v1/relays/" + relay.id() + "/journal/verification")
        .json()
        .getBoolean("valid");
  }

  int devicesLeft(Relay relay, String person) {
    return relay
        .counter()
        .get("api/v1/beneficiaries/" + person + "/eligibility")
        .json()
        .getInt("devicesLeft");
  }

  static void age(long order, LocalDateTime soldAt) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement sql =
            db.prepareStatement("update sale_order set closed_at = ? where id = ?")) {
      sql.setTimestamp(1, Timestamp.valueOf(soldAt));
      sql.setLong(2, order);
      assertThat(sql.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void aDefectiveLaptopComesBackItsVoucherUsableAgainAndTheCashOutOfTheDrawer() {
    Relay relay = newRelay();
    long session = scenarios.openCashDrawer(relay.user());
    Sale sale = sell(relay, 20_000, 5_000, false);
    int leftAfterSale = devicesLeft(relay, sale.person());
    assertThat(relay.counter().get("api/v1/vouchers/" + sale.voucher()).json().getString("status"))
        .isEqualTo("REDEEMED");

    var returned = giveBack(relay, sale, "DEFECT");

    assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
    JsonObject answer = returned.json();
    assertThat(answer.getJsonNumber("deviceId").longValue()).isEqualTo(sale.device());
    assertThat(answer.getString("creditNoteNumber")).isEqualTo("AV-R" + relay.id() + "-000001");
    var reinstated = answer.getJsonArray("vouchersReinstated").getValuesAs(JsonObject.class);
    assertThat(reinstated).hasSize(1);
    assertThat(reinstated.get(0).getString("code").replace("-", ""))
        .isEqualTo(sale.voucher().replace("-", ""));
    assertThat(reinstated.get(0).getJsonNumber("appliedCents").longValue()).isEqualTo(5_000);
    var refunds = answer.getJsonArray("refunds").getValuesAs(JsonObject.class);
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).getString("method")).isEqualTo("CASH");
    assertThat(refunds.get(0).getJsonNumber("amountCents").longValue())
        .isEqualTo(sale.cashCents())
        .isEqualTo(sale.priceCents() - 5_000);

    assertThat(relay.counter().get("api/v1/vouchers/" + sale.voucher()).json().getString("status"))
        .as("the same code, usable again")
        .isEqualTo("ISSUED");
    assertThat(deviceStatus(relay, sale.device())).isEqualTo("RETURNED");
    assertThat(devicesLeft(relay, sale.person())).isEqualTo(leftAfterSale + 1);
    assertProblem(giveBack(relay, sale, "DEFECT"), 409, "ALREADY_RETURNED");

    // the credit note, numbered per relay, read back
    long returnId = answer.getJsonNumber("id").longValue();
    var note =
        relay
            .counter()
            .get("api/v1/orders/" + sale.order() + "/returns/" + returnId + "/credit-note");
    assertThat(note.status()).as(note.toString()).isEqualTo(200);
    assertThat(Pdfs.text(note.bytes()))
        .contains("Avoir")
        .contains("AV-R" + relay.id() + "-000001")
        .contains("garantie légale")
        .contains("Bon rendu, de nouveau utilisable")
        .contains("Remboursé en espèces")
        .contains("50,00 €");
    assertThat(
            relay
                .counter()
                .get("api/v1/orders/" + sale.order() + "/returns")
                .structure()
                .asJsonArray())
        .hasSize(1);

    // the journal records the refund, chained; the closing counts it
    assertThat(journalKinds(relay)).containsExactly("SALE", "REFUND");
    assertThat(journalVerifies(relay)).isTrue();
    var closed =
        relay
            .counter()
            .post(
                "api/v1/relays/" + relay.id() + "/cash-sessions/" + session + "/closing",
                "{\"countedCents\":4900}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    JsonObject closing = closed.json();
    assertThat(closing.getJsonNumber("expectedCents").longValue())
        .as("the float: the cash taken went back out")
        .isEqualTo(5_000);
    assertThat(closing.getJsonNumber("differenceCents").longValue()).isEqualTo(-100);
    assertThat(closing.getJsonObject("totalsByMethod").getJsonNumber("CASH").longValue()).isZero();
    assertThat(closing.getJsonObject("totalsByMethod").getJsonNumber("VOUCHER").longValue())
        .isZero();
    assertThat(closing.getJsonNumber("refundsCents").longValue()).isEqualTo(sale.priceCents());

    // the funder's reconciliation shows the reversal
    Api funder = Api.as(base, "financeur");
    String reconciliation = "api/v1/voucher-programs/" + sale.programme() + "/reconciliation";
    String csv = funder.get(reconciliation, "text/csv").body();
    String code = sale.voucher().replace("-", "");
    assertThat(csv.lines().filter(l -> l.replace("-", "").contains(code)))
        .hasSize(2)
        .anyMatch(l -> l.endsWith(",5000"))
        .anyMatch(l -> l.endsWith(",-5000"));
    assertThat(funder.get(reconciliation).json().getJsonNumber("redeemedAppliedCents").longValue())
        .isZero();

    // the workshop refurbishes it again; the voucher pays a new sale (an exchange)
    var again =
        Api.as(base, "atelier")
            .post(
                "api/v1/devices/" + sale.device() + "/refurbishment",
                "{\"grade\":\"B\",\"batteryHealthPercent\":88,\"erasure\":{\"method\":\"PURGE\","
                    + "\"tool\":\"nwipe 0.37\",\"certificateId\":\"C-"
                    + UUID.randomUUID()
                    + "\",\"erasedAt\":\"2026-11-30T10:15:00\"},\"functionalTestsPassed\":true,"
                    + "\"relayId\":"
                    + relay.id()
                    + ",\"listPriceCents\":18000}");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(deviceStatus(relay, sale.device())).isEqualTo("AVAILABLE");
    int other = scenarios.availableDevice("donateur", "LAPTOP", relay.user(), 15_000);
    long exchange = scenarios.openOrder(relay.user(), sale.person(), other);
    var reused =
        relay
            .counter()
            .post(
                "api/v1/orders/" + exchange + "/vouchers", "{\"code\":\"" + sale.voucher() + "\"}");
    assertThat(reused.status()).as(reused.toString()).isEqualTo(200);
  }

  @Test
  void twoDevicesOfOneOrderGiveBackInTotalWhatPaidForThemAndAVoucherNoChange() {
    Relay relay = newRelay();
    scenarios.openCashDrawer(relay.user());
    int laptop = scenarios.availableDevice("donateur", "LAPTOP", relay.user(), 20_000);
    int phone = scenarios.availableDevice("donateur", "SMARTPHONE", relay.user(), 9_000);
    String person = scenarios.eligibleBeneficiary("RSA");
    var opened =
        relay
            .counter()
            .post(
                "api/v1/orders",
                "{\"beneficiaryId\":\""
                    + person
                    + "\",\"deviceIds\":["
                    + laptop
                    + ","
                    + phone
                    + "]}");
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    long order = opened.json().getJsonNumber("id").longValue();
    var lines = opened.json().getJsonArray("lines").getValuesAs(JsonObject.class);
    long laptopPrice = lines.get(0).getJsonNumber("priceCents").longValue();
    long phonePrice = lines.get(1).getJsonNumber("priceCents").longValue();
    // one voucher pays the laptop and half the phone; cash the other half
    long face = laptopPrice + phonePrice / 2;
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", face, 1, "80", null).get(0);
    String path = "api/v1/orders/" + order;
    assertThat(relay.counter().post(path + "/vouchers", "{\"code\":\"" + code + "\"}").status())
        .isEqualTo(200);
    long cash = laptopPrice + phonePrice - face;
    assertThat(
            relay
                .counter()
                .post(path + "/payments", "{\"method\":\"CASH\",\"amountCents\":" + cash + "}")
                .status())
        .isEqualTo(201);
    assertThat(relay.counter().post(path + "/completion").status()).isEqualTo(200);

    var first = relay.counter().post(path + "/returns", returnOf(laptop, "DEFECT"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().getJsonArray("vouchersReinstated"))
        .as("the voucher still pays the phone: it stays used, no change")
        .isEmpty();
    assertThat(first.json().getJsonArray("refunds")).isEmpty();
    assertThat(first.json().getJsonNumber("vouchersReversedCents").longValue())
        .isEqualTo(laptopPrice);
    assertThat(relay.counter().get("api/v1/vouchers/" + code).json().getString("status"))
        .isEqualTo("REDEEMED");

    var second = relay.counter().post(path + "/returns", returnOf(phone, "OTHER"));
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    var reinstated = second.json().getJsonArray("vouchersReinstated").getValuesAs(JsonObject.class);
    assertThat(reinstated).hasSize(1);
    assertThat(reinstated.get(0).getJsonNumber("appliedCents").longValue())
        .isEqualTo(face - laptopPrice);
    var refunds = second.json().getJsonArray("refunds").getValuesAs(JsonObject.class);
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).getJsonNumber("amountCents").longValue())
        .as("all the cash paid, and no more")
        .isEqualTo(cash);
    assertThat(relay.counter().get("api/v1/vouchers/" + code).json().getString("status"))
        .isEqualTo("ISSUED");
    long programme =
        Api.as(base, "financeur")
            .get("api/v1/vouchers/" + code)
            .json()
            .getJsonObject("program")
            .getJsonNumber("id")
            .longValue();
    assertThat(
            Api.as(base, "financeur")
                .get("api/v1/voucher-programs/" + programme + "/reconciliation")
                .json()
                .getJsonNumber("redeemedAppliedCents")
                .longValue())
        .isZero();
    assertThat(journalKinds(relay)).containsExactly("SALE", "REFUND", "REFUND");
    assertThat(journalVerifies(relay)).isTrue();
  }

  @Test
  void aDefectIsCoveredForTwoYearsAnotherReasonForTheReturnPeriod() throws Exception {
    Relay relay = newRelay();
    scenarios.openCashDrawer(relay.user());
    Sale sale = sell(relay, 9_000, 0, false);
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Paris"));

    age(sale.order(), now.minusDays(15));
    assertProblem(giveBack(relay, sale, "OTHER"), 422, "RETURN_PERIOD_OVER");
    age(sale.order(), now.minusMonths(24).minusDays(2));
    assertProblem(giveBack(relay, sale, "DEFECT"), 422, "RETURN_PERIOD_OVER");
    assertThat(deviceStatus(relay, sale.device())).as("nothing changed").isEqualTo("SOLD");
    assertThat(journalKinds(relay)).containsExactly("SALE");

    age(sale.order(), now.minusMonths(23));
    var defect = giveBack(relay, sale, "DEFECT");
    assertThat(defect.status()).as(defect.toString()).isEqualTo(201);

    Sale recent = sell(relay, 9_000, 0, false);
    age(recent.order(), now.minusDays(13));
    var other = giveBack(relay, recent, "OTHER");
    assertThat(other.status()).as(other.toString()).isEqualTo(201);
    assertThat(other.json().getString("creditNoteNumber"))
        .as("the relay's credit notes follow each other")
        .isEqualTo("AV-R" + relay.id() + "-000002");
  }

  @Test
  void eightReturnsOfOneDeviceAtOnceMakeOne() throws Exception {
    Relay relay = newRelay();
    scenarios.openCashDrawer(relay.user());
    Sale sale = sell(relay, 12_000, 3_000, false);

    List<Api.Answer> answers =
        Race.of(8, i -> giveBack(relay, sale, i % 2 == 0 ? "DEFECT" : "OTHER"));

    assertThat(answers).extracting(Api.Answer::status).containsOnly(201, 409);
    assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
    answers.stream()
        .filter(a -> a.status() == 409)
        .forEach(a -> assertThat(a.json().getString("code")).isEqualTo("ALREADY_RETURNED"));
    assertThat(journalKinds(relay)).containsExactly("SALE", "REFUND");
    assertThat(journalVerifies(relay)).isTrue();
    assertThat(
            relay
                .counter()
                .get("api/v1/orders/" + sale.order() + "/returns")
                .structure()
                .asJsonArray())
        .hasSize(1);
  }

  @Test
  void cashIsGivenBackOnlyFromAnOpenDrawer() {
    Relay relay = newRelay();
    long session = scenarios.openCashDrawer(relay.user());
    Sale sale = sell(relay, 10_000, 0, false);
    var closed =
        relay
            .counter()
            .post(
                "api/v1/relays/" + relay.id() + "/cash-sessions/" + session + "/closing",
                "{\"countedCents\":" + (5_000 + sale.cashCents()) + "}");
    assertThat(closed.status()).isEqualTo(200);

    assertProblem(giveBack(relay, sale, "OTHER"), 409, "NO_OPEN_CASH_SESSION");
    assertThat(deviceStatus(relay, sale.device())).isEqualTo("SOLD");
    assertThat(journalKinds(relay)).containsExactly("SALE", "CLOSING");

    long next = scenarios.openCashDrawer(relay.user());
    assertThat(giveBack(relay, sale, "OTHER").status()).isEqualTo(201);
    var drawer = relay.counter().get("api/v1/relays/" + relay.id() + "/cash-sessions/" + next);
    assertThat(drawer.status()).isEqualTo(200);
    var closing =
        relay
            .counter()
            .post(
                "api/v1/relays/" + relay.id() + "/cash-sessions/" + next + "/closing",
                "{\"countedCents\":0}")
            .json();
    assertThat(closing.getJsonNumber("expectedCents").longValue())
        .as("the float less the cash given back")
        .isEqualTo(5_000 - sale.cashCents());
  }

  @Test
  void aRefusedCardRefundLeavesNoHalfReturnAndTheRetryCompletesItOnce() {
    Relay relay = newRelay();
    Sale sale = sell(relay, 15_000, 2_000, true);
    FakeStripe fake = FakeStripe.shared();
    long due = sale.priceCents() - 2_000;

    fake.refuseRefunds(sale.intent(), true);
    try {
      assertProblem(giveBack(relay, sale, "DEFECT"), 502, "PAYMENT_PROVIDER_ERROR");
    } finally {
      fake.refuseRefunds(sale.intent(), false);
    }
    assertThat(deviceStatus(relay, sale.device())).isEqualTo("SOLD");
    assertThat(relay.counter().get("api/v1/vouchers/" + sale.voucher()).json().getString("status"))
        .isEqualTo("REDEEMED");
    assertThat(journalKinds(relay)).containsExactly("SALE");
    assertThat(
            relay
                .counter()
                .get("api/v1/orders/" + sale.order() + "/returns")
                .structure()
                .asJsonArray())
        .isEmpty();
    assertThat(fake.refunds().stream().filter(r -> r.paymentIntent().equals(sale.intent())))
        .isEmpty();

    var retried = giveBack(relay, sale, "DEFECT");

    assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    var refunds = retried.json().getJsonArray("refunds").getValuesAs(JsonObject.class);
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).getString("method")).isEqualTo("CARD");
    assertThat(refunds.get(0).getJsonNumber("amountCents").longValue()).isEqualTo(due);
    assertThat(fake.refunds().stream().filter(r -> r.paymentIntent().equals(sale.intent())))
        .extracting(FakeStripe.Refund::amount)
        .containsExactly(due);
    assertThat(
            fake.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/refunds"))
                .filter(r -> sale.intent().equals(r.form().get("payment_intent")))
                .map(FakeStripe.Request::idempotencyKey)
                .distinct())
        .as("Stripe keeps its 500 under the first key: the retry asks under a new one")
        .hasSize(2)
        .last()
        .asString()
        .endsWith("-retry-1");
    assertThat(journalKinds(relay)).containsExactly("SALE", "REFUND");
    assertThat(journalVerifies(relay)).isTrue();
    assertProblem(giveBack(relay, sale, "DEFECT"), 409, "ALREADY_RETURNED");
    assertThat(fake.refunds().stream().filter(r -> r.paymentIntent().equals(sale.intent())))
        .hasSize(1);
  }

  @Test
  void aRefundMadeAtStripeBehindA500IsFoundAgainByTheRetryAndNotMadeTwice() {
    Relay relay = newRelay();
    Sale sale = sell(relay, 15_000, 2_000, true);
    FakeStripe fake = FakeStripe.shared();
    long due = sale.priceCents() - 2_000;

    fake.refuseRefunds(sale.intent(), FakeStripe.Refusal.REFUND_THEN_FAIL);
    try {
      assertProblem(giveBack(relay, sale, "DEFECT"), 502, "PAYMENT_PROVIDER_ERROR");
    } finally {
      fake.refuseRefunds(sale.intent(), (FakeStripe.Refusal) null);
    }
    List<FakeStripe.Refund> atStripe =
        fake.refunds().stream().filter(r -> r.paymentIntent().equals(sale.intent())).toList();
    assertThat(atStripe).as("Stripe refunded though it answered 500").hasSize(1);
    assertThat(deviceStatus(relay, sale.device())).isEqualTo("SOLD");
    assertThat(journalKinds(relay)).containsExactly("SALE");

    var retried = giveBack(relay, sale, "DEFECT");

    assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    var refunds = retried.json().getJsonArray("refunds").getValuesAs(JsonObject.class);
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).getJsonNumber("amountCents").longValue()).isEqualTo(due);
    assertThat(fake.refunds().stream().filter(r -> r.paymentIntent().equals(sale.intent())))
        .as("the retry found Stripe's refund and made no second one")
        .containsExactlyElementsOf(atStripe);
    assertThat(deviceStatus(relay, sale.device())).isEqualTo("RETURNED");
    assertThat(journalKinds(relay)).containsExactly("SALE", "REFUND");
    assertThat(journalVerifies(relay)).isTrue();
  }

  @Test
  void anAgreedStatementStaysAsItWasAndTheNextOneNetsTheReturn() throws Exception {
    Relay relay = newRelay();
    scenarios.openCashDrawer(relay.user());
    Sale sale = sell(relay, 20_000, 4_000, false);
    YearMonth last = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
    try (Connection db = TestDatabase.connect();
        PreparedStatement sql =
            db.prepareStatement(
                "update redemption set redeemed_at = ? where programme_id = ? and order_id = ?")) {
      sql.setTimestamp(1, Timestamp.valueOf(last.atDay(20).atTime(11, 0)));
      sql.setLong(2, sale.programme());
      sql.setLong(3, sale.order());
      assertThat(sql.executeUpdate()).isEqualTo(1);
    }
    Api funder = Api.as(base, "financeur");
    String statements = "api/v1/voucher-programs/" + sale.programme() + "/statements";
    JsonObject lastMonths =
        funder
            .post(statements, "{\"month\":\"" + last + "\"}")
            .json()
            .getJsonArray("statements")
            .getJsonObject(0);
    long agreedId = lastMonths.getJsonNumber("id").longValue();
    var agreed = funder.post(statements + "/" + agreedId + "/agreement", "{\"reference\":\"D-7\"}");
    assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);

    assertThat(giveBack(relay, sale, "DEFECT").status()).isEqualTo(201);

    funder.post(statements, "{\"month\":\"" + last + "\"}");
    JsonObject kept = funder.get(statements + "/" + agreedId).json();
    assertThat(kept.getString("status")).isEqualTo("AGREED");
    assertThat(kept.getJsonNumber("amountCents").longValue()).isEqualTo(4_000);
    var thisMonth =
        funder
            .post(statements, "{\"month\":\"" + last.plusMonths(1) + "\"}")
            .json()
            .getJsonArray("statements")
            .getValuesAs(JsonObject.class);
    assertThat(thisMonth).hasSize(1);
    assertThat(thisMonth.get(0).getJsonNumber("amountCents").longValue()).isEqualTo(-4_000);
    assertThat(thisMonth.get(0).getJsonNumber("relayId").longValue()).isEqualTo(relay.id());
  }

  @Test
  void onlyThePaidOrdersOfTheRelayGiveBackTheirOwnDevices() {
    Relay relay = newRelay();
    scenarios.openCashDrawer(relay.user());
    Sale sale = sell(relay, 8_000, 0, false);
    String returns = "api/v1/orders/" + sale.order() + "/returns";

    assertProblem(
        Api.as(base, "relais").post(returns, returnOf(sale.device(), "DEFECT")), 404, "NOT_FOUND");
    assertProblem(relay.counter().post(returns, returnOf(987_654, "DEFECT")), 404, "NOT_FOUND");
    assertProblem(
        relay.counter().post(returns, "{\"deviceId\":" + sale.device() + ",\"reason\":\"BORED\"}"),
        400,
        "INVALID_INPUT");
    assertProblem(relay.counter().post(returns, "{\"reason\":\"DEFECT\"}"), 400, "INVALID_INPUT");
    int device = scenarios.availableDevice("donateur", "LAPTOP", relay.user(), 8_000);
    long open = scenarios.openOrder(relay.user(), scenarios.eligibleBeneficiary("RSA"), device);
    assertProblem(
        relay.counter().post("api/v1/orders/" + open + "/returns", returnOf(device, "DEFECT")),
        409,
        "ORDER_NOT_PAID");
    assertProblem(relay.counter().get(returns + "/987654/credit-note"), 404, "NOT_FOUND");
    assertThat(deviceStatus(relay, sale.device())).isEqualTo("SOLD");
  }
}
