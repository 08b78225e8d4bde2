package fr.secondevie.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.Stripe;
import fr.secondevie.payments.control.StripeWebhook;
import fr.secondevie.payments.control.StripeWebhook.ReceivedEvent;
import fr.secondevie.payments.entity.CardPaymentSettled;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.testing.FakeStripe;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the webhook believes of a delivery, and what it reads from the events it believes. */
class StripeWebhookTest {

  private static final String SECRET = "whsec_unit";
  private static final long NOW = 1_790_000_000L;

  private final FakeStripe stripe = FakeStripe.start(0);
  private final StripeWebhook webhook =
      new StripeWebhook(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  @AfterEach
  void stop() {
    stripe.close();
  }

  @Test
  void aSucceededEventSettlesItsIntentForItsAmount() {
    String payload = stripe.succeededEvent("pi_unit_1");

    ReceivedEvent event = webhook.verify(payload, FakeStripe.signature(payload, SECRET, NOW));

    assertThat(event.type()).isEqualTo("payment_intent.succeeded");
    assertThat(event.id()).startsWith("evt_");
    assertThat(event.settlement())
        .isEqualTo(new CardPaymentSettled(event.id(), "pi_unit_1", true, 1000, null));
  }

  @Test
  void aFailedEventCarriesTheDeclineMessage() {
    String payload = stripe.failedEvent("pi_unit_2", "Your card was declined.");

    ReceivedEvent event = webhook.verify(payload, FakeStripe.signature(payload, SECRET, NOW));

    assertThat(event.settlement().succeeded()).isFalse();
    assertThat(event.settlement().failureMessage()).isEqualTo("Your card was declined.");
    assertThat(event.settlement().amountCents()).isEqualTo(1000);
  }

  @Test
  void anEventRenderedInAnotherApiVersionIsStillRead() {
    String payload =
        stripe
            .failedEvent("pi_unit_3", "Insufficient funds.")
            .replace(Stripe.API_VERSION, "2019-02-19");

    ReceivedEvent event = webhook.verify(payload, FakeStripe.signature(payload, SECRET, NOW));

    assertThat(event.settlement().intentId()).isEqualTo("pi_unit_3");
    assertThat(event.settlement().amountCents()).isEqualTo(1000);
    assertThat(event.settlement().failureMessage()).isEqualTo("Insufficient funds.");
  }

  @Test
  void otherEventTypesAreReceivedButSettleNothing() {
    String payload =
        stripe.succeededEvent("pi_unit_4").replace("payment_intent.succeeded", "charge.refunded");

    ReceivedEvent event = webhook.verify(payload, FakeStripe.signature(payload, SECRET, NOW));

    assertThat(event.type()).isEqualTo("charge.refunded");
    assertThat(event.settlement()).isNull();
  }

  @Test
  void signaturesThatDoNotHoldAreRefused() {
    String payload = stripe.succeededEvent("pi_unit_5");

    assertInvalid(payload, null);
    assertInvalid(payload, "");
    assertInvalid(payload, "t=" + NOW + ",v1=00ff");
    assertInvalid(payload, FakeStripe.signature(payload, "whsec_other", NOW));
    assertInvalid(payload.replace("1000", "1"), FakeStripe.signature(payload, SECRET, NOW));
    assertInvalid(payload, FakeStripe.signature(payload, SECRET, NOW - 301));
    assertThat(webhook.verify(payload, FakeStripe.signature(payload, SECRET, NOW - 299)))
        .isNotNull();
  }

  @Test
  void aSignedPayloadIsReadLenientlyButMustBeAnEvent() {
    assertInvalid("not json", FakeStripe.signature("not json", SECRET, NOW));
    String noIntent =
        "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
            + "\"data\":{\"object\":{\"object\":\"payment_intent\"}}}";
    assertInvalid(noIntent, FakeStripe.signature(noIntent, SECRET, NOW));
    String noVersion =
        stripe.succeededEvent("pi_unit_7").replaceFirst("\"api_version\":\"[^\"]*\",", "");
    assertThat(noVersion).doesNotContain("api_version");
    assertThat(webhook.verify(noVersion, FakeStripe.signature(noVersion, SECRET, NOW)).intentId())
        .isEqualTo("pi_unit_7");
  }

  @Test
  void withoutASecretNoDeliveryIsBelieved() {
    String payload = stripe.succeededEvent("pi_unit_6");
    StripeWebhook unconfigured = new StripeWebhook((String) null, Clock.systemUTC());

    assertThatThrownBy(
            () ->
                unconfigured.verify(
                    payload, FakeStripe.signature(payload, SECRET, FakeStripe.now())))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("CARD_PAYMENTS_UNAVAILABLE"));
  }

  private void assertInvalid(String payload, String signature) {
    assertThatThrownBy(() -> webhook.verify(payload, signature))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_SIGNATURE");
            });
  }
}
