package fr.secondevie.sales;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Eventually;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.FakeStripeTerminal;
import fr.secondevie.testing.Race;
import fr.secondevie.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Card readers through Stripe Terminal, server-driven, against the fake Stripe (Terminal's
 * endpoints in Stripe's wire format, its test helper {@code present_payment_method} sending the
 * signed webhooks a real Stripe sends): a relay registers its readers at one location, created once
 * even when two registrations race; a reader asked to take the card is settled by the reader's and
 * the intent's webhooks in any order and however often they come, once; a declined card; a payment
 * cancelled at the counter.
 */
class CardReadersIT extends AtTheCounter {

  private final FakeStripe fake = FakeStripe.shared();
  private final FakeStripeTerminal terminal = fake.terminal();

  @Test
  void aRelayRegistersItsReadersAtOneLocationAndOnlyItsOwn() {
    String counter = scenarios().newRelayCounter("Relais lecteurs " + UUID.randomUUID());
    Api relay = scenarios().user(counter);
    long relayId = scenarios().organisationOf(counter);
    String path = "api/v1/relays/" + relayId + "/readers";
    assertThat(relay.get(path).structure().asJsonArray()).isEmpty();

    Api.Answer first = relay.post(path, registration("simulated-wpe", "Caisse 1"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().getString("id")).startsWith("tmr_");
    assertThat(first.json().getString("label")).isEqualTo("Caisse 1");
    assertThat(first.json().getString("status")).isEqualTo("online");
    // the admin of the territory registers one too; the relay lists both
    Api.Answer second = Api.as(base, "admin").post(path, registration("simulated-wpe", "Caisse 2"));
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(
            relay.get(path).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("label")))
        .containsExactly("Caisse 1", "Caisse 2");
    String location = terminal.reader(first.json().getString("id")).orElseThrow().location();
    assertThat(terminal.reader(second.json().getString("id")).orElseThrow().location())
        .isEqualTo(location);
    // a code Stripe does not know, bad input, another relay: refused, nothing registered
    assertProblem(
        relay.post(path, registration("invalid-code-" + UUID.randomUUID(), "Caisse 3")),
        422,
        "INVALID_REGISTRATION_CODE");
    assertThat(relay.post(path, "{\"registrationCode\":\"\",\"label\":\"x\"}").status())
        .isEqualTo(400);
    assertProblem(counter().post(path, registration("simulated-wpe", "Intrus")), 404, "NOT_FOUND");
    assertProblem(counter().get(path), 404, "NOT_FOUND");
    assertProblem(
        Api.as(base, "admin2").post(path, registration("simulated-wpe", "Intrus")),
        404,
        "NOT_FOUND");
    assertThat(relay.get(path).structure().asJsonArray()).hasSize(2);
  }

  @Test
  void twoRegistrationsRacingOnANewRelayCreateOneLocation() throws Exception {
    String name = "Relais course " + UUID.randomUUID();
    String counter = scenarios().newRelayCounter(name);
    Api relay = scenarios().user(counter);
    long relayId = scenarios().organisationOf(counter);
    String path = "api/v1/relays/" + relayId + "/readers";
    List<Api.Answer> answers =
        Race.of(4, n -> relay.post(path, registration("simulated-wpe", "Caisse " + n)));
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
    assertThat(terminal.locations())
        .filteredOn(l -> l.get("display_name").getAsString().equals(name))
        .hasSize(1);
    assertThat(
            answers.stream()
                .map(a -> terminal.reader(a.json().getString("id")).orElseThrow().location())
                .distinct())
        .hasSize(1);
    assertThat(relay.get(path).structure().asJsonArray()).hasSize(4);
    assertThat(
            fake.requests().stream()
                .filter(r -> r.path().equals("/v1/terminal/locations"))
                .filter(r -> ("secondevie-location-" + relayId).equals(r.idempotencyKey())))
        .isNotEmpty();
  }

  @Test
  void theReadersAndTheIntentsWebhooksSettleThePaymentOnceInAnyOrder() throws Exception {
    String reader = reader();
    long id = openOrder(person(), laptop(25000));
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    Api.Answer card = payOnReader(id, due, reader);
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    assertThat(card.json().getString("status")).isEqualTo("PENDING");
    assertThat(card.json().getString("readerId")).isEqualTo(reader);
    long paymentId = card.json().getJsonNumber("paymentId").longValue();
    FakeStripeTerminal.Reader busy = terminal.reader(reader).orElseThrow();
    assertThat(busy.actionStatus()).isEqualTo("in_progress");
    String intent = busy.actionIntent();
    assertThat(fake.intent(intent).orElseThrow().amount()).isEqualTo(due);
    assertThat(fake.intent(intent).orElseThrow().paymentMethodTypes())
        .containsExactly("card_present");
    assertThat(
            fake.requests().stream()
                .filter(
                    r ->
                        r.path()
                            .equals("/v1/terminal/readers/" + reader + "/process_payment_intent"))
                .map(FakeStripe.Request::idempotencyKey))
        .containsExactly("secondevie-process-" + paymentId);
    // waiting for the card is not paid
    assertProblem(counter().post("api/v1/orders/" + id + "/completion"), 409, "BALANCE_DUE");

    List<String> events;
    terminal.holdWebhooks();
    try {
      assertThat(terminal.presentCard(reader, null)).isEqualTo("succeeded");
    } finally {
      events = new ArrayList<>(terminal.takeHeldWebhooks());
      terminal.sendWebhooksTo(base);
    }
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).contains("\"payment_intent.succeeded\"");
    assertThat(events.get(1)).contains("\"terminal.reader.action_succeeded\"");
    // the reader's event first, then both again, then the intent's
    Collections.reverse(events);
    for (String event : List.of(events.get(0), events.get(0), events.get(1), events.get(1))) {
      assertThat(fake.deliver(base, event)).isEqualTo(200);
      assertThat(paymentStatus(id)).isEqualTo("SUCCEEDED");
    }
    assertThat(auditCount(id, "ORDER_CARD_SUCCEEDED")).isEqualTo(1);
    JsonObject paid = counter().post("api/v1/orders/" + id + "/completion").json();
    assertThat(paid.getString("status")).isEqualTo("PAID");
    assertThat(cents(paid, "paidCents")).isEqualTo(cents(paid, "totalCents"));
    // cancelling a settled payment changes nothing
    Api.Answer late =
        counter().post("api/v1/orders/" + id + "/payments/" + paymentId + "/cancellation");
    assertThat(late.status()).as(late.toString()).isEqualTo(200);
    assertThat(late.json().getString("status")).isEqualTo("SUCCEEDED");
  }

  @Test
  void theReadersAndTheIntentsWebhooksArrivingAtOnceSettleThePaymentOnce() throws Exception {
    String reader = reader();
    long id = openOrder(person(), laptop(22000));
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    assertThat(payOnReader(id, due, reader).status()).isEqualTo(201);
    List<String> events;
    terminal.holdWebhooks();
    try {
      assertThat(terminal.presentCard(reader, null)).isEqualTo("succeeded");
    } finally {
      events = new ArrayList<>(terminal.takeHeldWebhooks());
      terminal.sendWebhooksTo(base);
    }
    // both events, each delivered twice, all four at the same moment (Stripe retries, two servers)
    List<Integer> statuses = Race.of(4, n -> fake.deliver(base, events.get(n % 2)));
    assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(200, 409));
    for (String event : events) {
      // a delivery refused 409 while another was applied is delivered again by Stripe
      assertThat(fake.deliver(base, event)).isEqualTo(200);
    }
    assertThat(paymentStatus(id)).isEqualTo("SUCCEEDED");
    assertThat(auditCount(id, "ORDER_CARD_SUCCEEDED")).isEqualTo(1);
    assertThat(cents(counter().get("api/v1/orders/" + id).json(), "paidCents")).isEqualTo(due);
  }

  @Test
  void theSameRegistrationSentEightTimesAtOnceIsOneReader() throws Exception {
    String counter = scenarios().newRelayCounter("Relais double clic " + UUID.randomUUID());
    Api relay = scenarios().user(counter);
    String path = "api/v1/relays/" + scenarios().organisationOf(counter) + "/readers";
    List<Api.Answer> answers =
        Race.of(8, n -> relay.post(path, registration("simulated-wpe", "Caisse unique")));
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
    assertThat(answers.stream().map(a -> a.json().getString("id")).distinct()).hasSize(1);
    assertThat(relay.get(path).structure().asJsonArray()).hasSize(1);
  }

  @Test
  void aDeclinedCardOnTheReaderFailsThePaymentAndTheAmountIsDueAgain() {
    String reader = reader();
    long id = openOrder(person(), laptop(25000));
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    assertThat(payOnReader(id, due, reader).status()).isEqualTo(201);
    terminal.sendWebhooksTo(base);
    assertThat(terminal.presentCard(reader, FakeStripeTerminal.DECLINED_CARD)).isEqualTo("failed");
    until(() -> "FAILED".equals(paymentStatus(id)));
    JsonObject order = counter().get("api/v1/orders/" + id).json();
    JsonObject payment = last(order);
    assertThat(payment.getString("failureMessage")).isEqualTo("Your card was declined.");
    assertThat(cents(order, "dueCents")).isEqualTo(due);
    // the reader is free again: the customer tries another card, which goes through
    Api.Answer again = payOnReader(id, due, reader);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(terminal.presentCard(reader, null)).isEqualTo("succeeded");
    until(() -> "SUCCEEDED".equals(paymentStatus(id)));
    assertThat(counter().post("api/v1/orders/" + id + "/completion").json().getString("status"))
        .isEqualTo("PAID");
  }

  @Test
  void theCounterCancelsAPaymentWaitingOnTheReader() {
    String reader = reader();
    long id = openOrder(person(), laptop(25000));
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    Api.Answer card = payOnReader(id, due, reader);
    long paymentId = card.json().getJsonNumber("paymentId").longValue();
    String intent = terminal.reader(reader).orElseThrow().actionIntent();
    String path = "api/v1/orders/" + id + "/payments/" + paymentId + "/cancellation";
    Api.Answer cancelled = counter().post(path);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("FAILED");
    assertThat(terminal.reader(reader).orElseThrow().actionStatus()).isNull();
    assertThat(fake.intent(intent).orElseThrow().status()).isEqualTo("canceled");
    assertThat(cents(counter().get("api/v1/orders/" + id).json(), "dueCents")).isEqualTo(due);
    // again: the same answer, nothing asked twice
    int requests = fake.requests().size();
    assertThat(counter().post(path).json().getString("status")).isEqualTo("FAILED");
    assertThat(fake.requests()).hasSize(requests);
    // another relay's counter does not find it; a cash payment is not on a reader
    assertProblem(Api.as(base, "relais2").post(path), 404, "NOT_FOUND");
    long cash =
        counter()
            .post("api/v1/orders/" + id + "/payments", "{\"method\":\"CASH\",\"amountCents\":100}")
            .json()
            .getJsonNumber("paymentId")
            .longValue();
    assertProblem(
        counter().post("api/v1/orders/" + id + "/payments/" + cash + "/cancellation"),
        409,
        "PAYMENT_NOT_ON_READER");
  }

  @Test
  void aReaderOfflineOrOfAnotherRelayIsRefusedAndLeavesNothingPending() {
    String reader = reader();
    long id = openOrder(person(), laptop(25000));
    long due = cents(counter().get("api/v1/orders/" + id).json(), "dueCents");
    String otherRelays =
        Api.as(base, "relais2")
            .post(
                "api/v1/relays/" + scenarios().organisationOf("relais2") + "/readers",
                registration("simulated-wpe", "Autre relais"))
            .json()
            .getString("id");
    assertProblem(payOnReader(id, due, otherRelays), 404, "NOT_FOUND");
    assertThat(counter().get("api/v1/orders/" + id).json().getJsonArray("payments")).isEmpty();
    assertThat(
            counter()
                .post(
                    "api/v1/orders/" + id + "/payments",
                    "{\"method\":\"CASH\",\"amountCents\":100,\"readerId\":\"" + reader + "\"}")
                .status())
        .isEqualTo(400);
    terminal.goOffline(reader);
    assertProblem(payOnReader(id, due, reader), 502, "PAYMENT_PROVIDER_ERROR");
    JsonObject order = counter().get("api/v1/orders/" + id).json();
    assertThat(last(order).getString("status")).isEqualTo("FAILED");
    assertThat(cents(order, "dueCents")).isEqualTo(due);
    assertThat(cents(order, "pendingCents")).isZero();
  }

  // ---- helpers ----

  /** A new reader at the demo relay, its webhooks sent to the shared server. */
  private String reader() {
    terminal.sendWebhooksTo(base);
    Api.Answer registered =
        counter()
            .post(
                "api/v1/relays/" + scenarios().organisationOf("relais") + "/readers",
                registration(
                    "simulated-wpe", "Comptoir " + UUID.randomUUID().toString().substring(0, 4)));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return registered.json().getString("id");
  }

  private Api.Answer payOnReader(long orderId, long cents, String reader) {
    return counter()
        .post(
            "api/v1/orders/" + orderId + "/payments",
            "{\"method\":\"CARD\",\"amountCents\":" + cents + ",\"readerId\":\"" + reader + "\"}");
  }

  static String registration(String code, String label) {
    return "{\"registrationCode\":\"" + code + "\",\"label\":\"" + label + "\"}";
  }

  private static JsonObject last(JsonObject order) {
    var payments = order.getJsonArray("payments");
    return payments.getJsonObject(payments.size() - 1);
  }

  private String paymentStatus(long orderId) {
    return last(counter().get("api/v1/orders/" + orderId).json()).getString("status");
  }

  private static int auditCount(long orderId, String action) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from audit_entry where action = ? and record_type = 'SaleOrder'"
                    + " and record_id = ?")) {
      query.setString(1, action);
      query.setString(2, String.valueOf(orderId));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Waits (10 s at most) for what the fake's webhooks will have settled. */
  private static void until(BooleanSupplier condition) {
    try {
      Eventually.millisUntil(condition);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
