package fr.secondevie.payments.control;

import java.util.Map;
import java.util.Optional;

/**
 * What sales asks of a card payment provider. Every call that creates or moves money carries an
 * idempotency key, so a retried request never charges or refunds twice. Failures of the provider
 * are {@link fr.secondevie.platform.entity.BusinessException}s: 503 CARD_PAYMENTS_UNAVAILABLE when
 * no provider is configured, 502 PAYMENT_PROVIDER_ERROR when it refuses or cannot be reached
 * ({@link ProviderAnswered} when it answered with an error, which Stripe keeps under the
 * idempotency key).
 */
public interface PaymentGateway {

  /** A card payment waiting for the customer's card: settled later by the webhook. */
  record CardIntent(String intentId, String clientSecret, String status) {}

  /** Whether card payments can be taken at all (a secret key is configured). */
  boolean available();

  /** Creates a PaymentIntent for that many euro cents. */
  CardIntent createCardIntent(
      long amountCents, String idempotencyKey, Map<String, String> metadata);

  /**
   * Cancels a PaymentIntent that was not paid.
   *
   * @return true when it is cancelled (or already was); false when it cannot be because the card
   *     was charged meanwhile (its success may not have reached the webhook yet): the money was
   *     taken, and the caller refunds it
   */
  boolean cancel(String intentId, String idempotencyKey);

  /**
   * Refunds that many cents of a paid PaymentIntent.
   *
   * @return the provider's refund id
   */
  default String refund(String intentId, long amountCents, String idempotencyKey) {
    return refund(intentId, amountCents, idempotencyKey, null);
  }

  /**
   * Refunds that many cents of a paid PaymentIntent, the refund carrying our reference (metadata
   * {@code reference}) so that {@link #refundOf} finds it again.
   *
   * @return the provider's refund id
   */
  String refund(String intentId, long amountCents, String idempotencyKey, String reference);

  /** The refund of that PaymentIntent made under our reference and not failed, if there is one. */
  Optional<String> refundOf(String intentId, String reference);

  /**
   * The provider answered a call with an error (4xx or 5xx): it keeps that answer under the call's
   * idempotency key and replays it to every retry with that key, so only a new key can try again. A
   * call that got no answer (network) is not one of these: its retry keeps the key.
   */
  class ProviderAnswered extends fr.secondevie.platform.entity.BusinessException {
    private static final long serialVersionUID = 1L;

    public ProviderAnswered(String detail) {
      super(502, "PAYMENT_PROVIDER_ERROR", detail);
    }
  }
}
