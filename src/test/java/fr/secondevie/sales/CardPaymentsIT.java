package fr.secondevie.sales;

import static fr.secondevie.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.FakeStripe;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Card payments through the fake Stripe, which speaks Stripe's wire format and signs its webhooks:
 * a payment settled once by the signed event, a declined card, and a card charged just before the
 * order is cancelled, refunded once.
 */
class CardPaymentsIT extends AtTheCounter {

  // ---- card payments through Stripe ----

  @Test
  void aCardPaymentIsSettledByTheSignedWebhookOnceAndInOrder() {
    FakeStripe fake = FakeStripe.shared();
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
    assertProblem(counter().post("api/v1/orders/" + id + "/completion"), 409, "BALANCE_DUE");
    assertProblem(
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
  void aDeclinedCardLeavesTheAmountDueAndACancelledOrderIsRefundedAndReleased() {
    FakeStripe fake = FakeStripe.shared();
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
  void aCardChargedJustBeforeTheOrderIsCancelledIsRefundedOnce() {
    FakeStripe fake = FakeStripe.shared();
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
}
