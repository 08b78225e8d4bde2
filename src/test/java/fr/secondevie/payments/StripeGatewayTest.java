package fr.secondevie.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import fr.secondevie.payments.control.PaymentGateway;
import fr.secondevie.payments.control.PaymentGateway.CardIntent;
import fr.secondevie.payments.control.StripeGateway;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.FakeStripe.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter against a fake Stripe that speaks Stripe's wire format: what reaches Stripe
 * when the counter takes a card, cancels or refunds, and how its refusals come back to the caller.
 */
class StripeGatewayTest {

  private FakeStripe stripe;
  private StripeGateway gateway;

  @BeforeEach
  void start() {
    stripe = FakeStripe.start(0);
    gateway = new StripeGateway("sk_test_unit", stripe.url());
  }

  @AfterEach
  void stop() {
    stripe.close();
  }

  @Test
  void aCardPaymentIsACardPresentIntentInEurosWithItsMetadata() {
    CardIntent intent =
        gateway.createCardIntent(12_345, "order-7-payment-1", Map.of("order_id", "7"));

    assertThat(intent.intentId()).startsWith("pi_");
    assertThat(intent.clientSecret()).startsWith(intent.intentId() + "_secret_");
    assertThat(intent.status()).isEqualTo("requires_payment_method");
    FakeStripe.Intent stored = stripe.intent(intent.intentId()).orElseThrow();
    assertThat(stored.amount()).isEqualTo(12_345);
    assertThat(stored.currency()).isEqualTo("eur");
    assertThat(stored.paymentMethodTypes()).containsExactly("card_present");
    assertThat(stored.captureMethod()).isEqualTo("automatic");
    assertThat(stored.metadata()).containsExactly(Map.entry("order_id", "7"));
    Request sent = stripe.requests().get(0);
    assertThat(sent.idempotencyKey()).isEqualTo("order-7-payment-1");
    assertThat(sent.form())
        .containsEntry("metadata[order_id]", "7")
        .containsEntry("payment_method_types[0]", "card_present");
  }

  @Test
  void theSameIdempotencyKeyTwiceCreatesOneIntent() {
    CardIntent first = gateway.createCardIntent(5_000, "order-8-payment-1", Map.of());
    CardIntent again = gateway.createCardIntent(5_000, "order-8-payment-1", Map.of());

    assertThat(again.intentId()).isEqualTo(first.intentId());
    assertThat(stripe.intents()).hasSize(1);
    assertThat(stripe.idempotencyKeys()).containsExactly("order-8-payment-1", "order-8-payment-1");
  }

  @Test
  void anUnpaidIntentIsCancelled() {
    CardIntent intent = gateway.createCardIntent(5_000, "order-9-payment-1", Map.of());

    assertThat(gateway.cancel(intent.intentId(), "order-9-payment-1-cancel")).isTrue();

    assertThat(stripe.intent(intent.intentId()).orElseThrow().status()).isEqualTo("canceled");
    assertThat(stripe.requests().get(1).path())
        .isEqualTo("/v1/payment_intents/" + intent.intentId() + "/cancel");
    assertThat(stripe.requests().get(1).idempotencyKey()).isEqualTo("order-9-payment-1-cancel");
  }

  @Test
  void aPaidIntentIsRefundedInPartAndTheRefundIdReturned() {
    CardIntent intent = gateway.createCardIntent(8_000, "order-10-payment-1", Map.of());
    stripe.succeededEvent(intent.intentId());

    String refundId = gateway.refund(intent.intentId(), 3_000, "order-10-refund-1");

    assertThat(refundId).startsWith("re_");
    assertThat(stripe.refunds())
        .containsExactly(
            new FakeStripe.Refund(refundId, intent.intentId(), 3_000, "succeeded", Map.of()));
    assertThat(stripe.requests().get(1).form())
        .containsEntry("payment_intent", intent.intentId())
        .containsEntry("amount", "3000");
    assertThat(gateway.refund(intent.intentId(), 3_000, "order-10-refund-1")).isEqualTo(refundId);
    assertThat(stripe.refunds()).hasSize(1);
  }

  @Test
  void withoutASecretKeyCardPaymentsAreUnavailable() {
    StripeGateway unconfigured = new StripeGateway(" ", stripe.url());

    assertThat(unconfigured.available()).isFalse();
    assertThat(gateway.available()).isTrue();
    assertThatThrownBy(() -> unconfigured.createCardIntent(5_000, "k", Map.of()))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("CARD_PAYMENTS_UNAVAILABLE");
            });
    assertThat(stripe.requests()).isEmpty();
  }

  @Test
  void aStripeRefusalIsABadGatewayWithStripesMessage() {
    CardIntent intent = gateway.createCardIntent(2_000, "order-11-payment-1", Map.of());
    stripe.succeededEvent(intent.intentId());

    assertThatThrownBy(() -> gateway.refund(intent.intentId(), 2_001, "order-11-refund-1"))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_ERROR");
              assertThat(e.getMessage()).contains("greater than unrefunded amount");
              assertThat(e)
                  .as("Stripe answered: it keeps that answer under the key")
                  .isInstanceOf(PaymentGateway.ProviderAnswered.class);
            });
    assertThat(gateway.cancel(intent.intentId(), "order-11-cancel"))
        .as("a card charged meanwhile cannot be cancelled: the caller learns it must refund")
        .isFalse();
    assertThat(stripe.refunds()).isEmpty();
  }

  @Test
  void aKeyReusedForAnotherRequestIsRefusedAsStripeDoes() {
    gateway.createCardIntent(2_000, "order-12-payment-1", Map.of());

    assertThatThrownBy(() -> gateway.createCardIntent(2_500, "order-12-payment-1", Map.of()))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_ERROR");
              assertThat(e.getMessage()).contains("same parameters");
            });
    assertThat(stripe.intents()).hasSize(1);
  }

  @Test
  void aStripeThatCannotBeReachedIsABadGateway() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    StripeGateway unreachable = new StripeGateway("sk_test_unit", "http://127.0.0.1:" + closedPort);

    assertThatThrownBy(() -> unreachable.createCardIntent(5_000, "order-13-payment-1", Map.of()))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.code()).isEqualTo("PAYMENT_PROVIDER_ERROR");
              assertThat(e)
                  .as("no answer: the retry keeps its key")
                  .isNotInstanceOf(PaymentGateway.ProviderAnswered.class);
            });
  }

  @Test
  void aRefundCarriesOurReferenceAndIsFoundAgainByIt() {
    CardIntent intent = gateway.createCardIntent(6_000, "order-15-payment-1", Map.of());
    stripe.succeededEvent(intent.intentId());
    assertThat(gateway.refundOf(intent.intentId(), "return-15-1-payment-1")).isEmpty();

    String refundId =
        gateway.refund(intent.intentId(), 2_000, "return-15-1-payment-1", "return-15-1-payment-1");
    gateway.refund(intent.intentId(), 1_000, "return-15-2-payment-1", "return-15-2-payment-1");

    assertThat(gateway.refundOf(intent.intentId(), "return-15-1-payment-1")).contains(refundId);
    assertThat(stripe.refunds().get(0).metadata())
        .containsEntry("reference", "return-15-1-payment-1");
    assertThat(gateway.refundOf(intent.intentId(), "return-15-3-payment-1")).isEmpty();
  }

  @Test
  void theFakesWebhookSignatureIsTheOneTheSdkVerifies() throws Exception {
    CardIntent intent = gateway.createCardIntent(4_200, "order-14-payment-1", Map.of());
    String payload = stripe.succeededEvent(intent.intentId());
    String header = FakeStripe.signature(payload, "whsec_unit", FakeStripe.now());

    Event event = Webhook.constructEvent(payload, header, "whsec_unit");

    assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
    PaymentIntent paid =
        (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertThat(paid.getId()).isEqualTo(intent.intentId());
    assertThat(paid.getAmount()).isEqualTo(4_200);
    assertThat(paid.getStatus()).isEqualTo("succeeded");
    String tampered = payload.replace("\"amount\":4200", "\"amount\":1");
    assertThat(tampered).isNotEqualTo(payload);
    assertThatThrownBy(() -> Webhook.constructEvent(tampered, header, "whsec_unit"))
        .isInstanceOf(SignatureVerificationException.class);
    assertThatThrownBy(
            () ->
                Webhook.constructEvent(
                    payload,
                    FakeStripe.signature(payload, "whsec_other", FakeStripe.now()),
                    "whsec_unit"))
        .isInstanceOf(SignatureVerificationException.class);
  }
}
