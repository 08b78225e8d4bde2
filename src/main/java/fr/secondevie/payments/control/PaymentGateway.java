package fr.secondevie.payments.control;

import java.util.Map;

/**
 * What sales asks of a card payment provider. Every call that creates or moves money carries an
 * idempotency key, so a retried request never charges or refunds twice. Failures of the provider
 * are {@link fr.secondevie.platform.entity.BusinessException}s: 503 CARD_PAYMENTS_UNAVAILABLE when
 * no provider is configured, 502 PAYMENT_PROVIDER_ERROR when it refuses or cannot be reached.
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
  String refund(String intentId, long amountCents, String idempotencyKey);
}
