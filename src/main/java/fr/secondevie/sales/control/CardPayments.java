package fr.secondevie.sales.control;

import fr.secondevie.payments.control.PaymentGateway;
import fr.secondevie.payments.control.StripeTerminal;
import fr.secondevie.payments.entity.CardPaymentSettled;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.sales.control.OrderPayments.CardToStart;
import fr.secondevie.sales.control.OrderPayments.PaymentTaken;
import fr.secondevie.sales.entity.PaymentMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The counter's acts that call the card provider, none of them while a row is locked: each prepares
 * in a short transaction (reads, checks, records what it is about to ask, derives the idempotency
 * key from the payment), calls Stripe with no transaction open, then applies the answer in another
 * short transaction that locks the order again and changes only what is still to change. A retried
 * Stripe call with the same key answers the same, so whichever of the counter, the hold job and the
 * webhook gets there first, an intent is created, cancelled or refunded once.
 */
@ApplicationScoped
public class CardPayments {

  private static final Logger LOG = Logger.getLogger(CardPayments.class.getName());

  @Inject OrderPayments payments;
  @Inject CardSettlement settlement;
  @Inject Checkout checkout;
  @Inject Orders orders;
  @Inject PaymentGateway gateway;
  @Inject StripeTerminal terminal;

  /**
   * Takes cash (succeeded at once) or starts a card payment: a PaymentIntent created with an
   * idempotency key derived from the payment, settled later by the webhook. More than is due is 422
   * AMOUNT_EXCEEDS_DUE. The card payment is recorded PENDING before the provider is called, so no
   * second payment takes the same amount; if the provider fails, it is forgotten and the counter
   * can simply try again.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  @CheckoutStep("payment")
  public PaymentTaken pay(long orderId, PaymentMethod method, long amountCents) {
    return pay(orderId, method, amountCents, null);
  }

  /**
   * The same, and with a reader (server-driven Terminal): once the intent is attached, the reader
   * of the order's relay is asked to process it (404 Reader for another relay's), with a key of its
   * own, and the payment stays PENDING until the reader's or the intent's webhook settles it, the
   * counter cancels it, or the order's hold expires. A reader that cannot be asked (offline, busy)
   * leaves the payment FAILED with Stripe's reason and its intent cancelled: 502
   * PAYMENT_PROVIDER_ERROR.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  @CheckoutStep("payment")
  public PaymentTaken pay(long orderId, PaymentMethod method, long amountCents, String readerId) {
    if (method == PaymentMethod.CASH) {
      return payments.takeCash(orderId, amountCents);
    }
    CardToStart card = payments.startCard(orderId, amountCents, gateway.available(), readerId);
    PaymentGateway.CardIntent intent;
    try {
      intent = gateway.createCardIntent(amountCents, card.idempotencyKey(), card.metadata());
    } catch (RuntimeException e) {
      payments.forgetCard(card);
      throw e;
    }
    PaymentTaken taken =
        payments.attachCard(card, intent).orElseThrow(() -> givenUpMeanwhile(card, intent));
    if (readerId == null) {
      return taken;
    }
    try {
      terminal.process(readerId, intent.intentId(), card.processKey());
    } catch (BusinessException e) {
      try {
        gateway.cancel(intent.intentId(), CardSettlement.key("cancel", card.paymentId()));
        payments.readerRefused(card, e.getMessage());
      } catch (RuntimeException stillPending) {
        // Stripe out of reach: the payment stays PENDING, cancelled with the order or its hold
        LOG.log(Level.WARNING, "Intent " + intent.intentId() + " not cancelled yet", stillPending);
      }
      throw e;
    }
    return new PaymentTaken(
        new OrderSummary.PaymentSummary(
            taken.payment().paymentId(),
            taken.payment().method(),
            taken.payment().amountCents(),
            taken.payment().status(),
            null,
            taken.payment().failureMessage(),
            taken.payment().createdAt(),
            readerId),
        taken.order());
  }

  /**
   * Cancels a card payment waiting on its reader: the reader's action first (the customer can no
   * longer present a card), then the intent. The payment is FAILED; if the card was charged just
   * before, it is SUCCEEDED (the money was taken, the sale goes on). Asking again answers the same.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public PaymentTaken cancelOnReader(long orderId, long paymentId) {
    OrderPayments.CardToCancel card = payments.toCancel(orderId, paymentId);
    boolean charged = false;
    if (card.pending()) {
      terminal.cancelAction(card.readerId(), card.cancelActionKey());
      charged = !gateway.cancel(card.intentId(), card.cancelKey());
    }
    return payments.cancelledOnReader(card, charged);
  }

  /**
   * Cancels an open order at the counter: devices back on sale, vouchers released, a pending card
   * payment cancelled, card payments refunded and cash marked as handed back. Cancelling it again
   * answers the same (and settles what the provider was out of reach for); a completed sale cannot
   * be cancelled (409 ORDER_NOT_OPEN).
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public OrderSummary cancel(long orderId) {
    checkout.giveUp(orderId);
    settle(orderId, null);
    return orders.read(orderId);
  }

  /**
   * Settles with the provider the card payments of a given-up order: a pending intent cancelled (or
   * refunded, when the card was charged before its success reached us), a succeeded payment
   * refunded. Nothing to do answers at once.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void settle(long orderId) {
    settle(orderId, null);
  }

  /**
   * A card charged for an order given up meanwhile: refunded once the webhook's event is stored.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  void refundLateMoney(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CardPaymentSettled event) {
    if (event.succeeded()) {
      settlement
          .givenUpOrderOf(event.intentId())
          .ifPresent(orderId -> settle(orderId, event.intentId()));
    }
  }

  private void settle(long orderId, String lateIntentId) {
    List<CardSettlement.CardToSettle> cards = settlement.toSettle(orderId);
    List<CardSettlement.Settled> outcomes = new ArrayList<>();
    try {
      for (CardSettlement.CardToSettle card : cards) {
        outcomes.add(withProvider(card));
      }
    } finally {
      if (!outcomes.isEmpty()) {
        settlement.record(orderId, outcomes, lateIntentId);
      }
    }
  }

  private CardSettlement.Settled withProvider(CardSettlement.CardToSettle card) {
    if (card.pending() && card.readerId() != null) {
      terminal.cancelAction(card.readerId(), card.cancelActionKey());
    }
    if (card.pending() && gateway.cancel(card.intentId(), card.cancelKey())) {
      return new CardSettlement.Settled(card.paymentId(), null);
    }
    // succeeded, or charged a moment ago before the webhook said so: the money goes back
    return new CardSettlement.Settled(
        card.paymentId(), gateway.refund(card.intentId(), card.amountCents(), card.refundKey()));
  }

  /**
   * The order was given up while its intent was being created: its payment is cancelled, and so is
   * the intent (nobody had its client secret, so no card was charged; were one, it is refunded).
   */
  private BusinessException givenUpMeanwhile(CardToStart card, PaymentGateway.CardIntent intent) {
    if (!gateway.cancel(intent.intentId(), CardSettlement.key("cancel", card.paymentId()))) {
      LOG.log(Level.WARNING, "Intent {0} was charged before its order took it", intent.intentId());
      gateway.refund(
          intent.intentId(), card.amountCents(), CardSettlement.key("refund", card.paymentId()));
    }
    return BusinessException.conflict(
        "ORDER_NOT_OPEN",
        "Order " + card.orderId() + " was given up meanwhile: it cannot change any more");
  }
}
