/**
 * Payments by card through Stripe: the {@link fr.secondevie.payments.control.PaymentGateway} port
 * and its Stripe adapter (PaymentIntents created with idempotency keys, cancelled, refunded), and
 * the signed webhook that settles them. Each Stripe event is stored by id before it acts, so a
 * replay changes nothing; settled payments are announced to sales by a CDI event, so this package
 * depends on the platform only.
 */
package fr.secondevie.payments;
