package fr.secondevie.payments.entity;

/**
 * A card payment was settled by the provider (webhook {@code payment_intent.succeeded} or {@code
 * payment_intent.payment_failed}, or the reader's {@code terminal.reader.action_succeeded} or
 * {@code action_failed}, whose {@code amountCents} is 0 since the reader does not tell it). Fired
 * synchronously inside the transaction that stored the event, once per event id; observers apply it
 * with a conditional update, so an event that arrives late (a failure after the success) changes
 * nothing.
 */
public record CardPaymentSettled(
    String eventId, String intentId, boolean succeeded, long amountCents, String failureMessage) {}
