package fr.secondevie.sales.control;

import fr.secondevie.payments.entity.CardPaymentSettled;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.sales.entity.Payment;
import fr.secondevie.sales.entity.PaymentStatus;
import fr.secondevie.sales.entity.SaleOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What the card provider says of an order's card payments, recorded under the order's row lock and
 * never while calling it: the webhook's settled payments ({@link CardPaymentSettled}, from {@code
 * payments}), and the outcome of cancelling or refunding the card payments of an order given up.
 * Each change is made only from a state it may leave, so a replayed event, a late failure after a
 * success, or the same outcome recorded twice changes nothing.
 */
@ApplicationScoped
public class CardSettlement {

  private static final Logger LOG = Logger.getLogger(CardSettlement.class.getName());

  /** A card payment of a given-up order that the provider still holds. */
  public record CardToSettle(
      long paymentId, String intentId, long amountCents, boolean pending, String readerId) {

    /** Cancels what the payment's reader is doing, before its intent is cancelled. */
    public String cancelActionKey() {
      return key("cancel-action", paymentId);
    }

    /** Cancels the intent: once per payment, however many callers ask. */
    public String cancelKey() {
      return key("cancel", paymentId);
    }

    /** Refunds the payment: once per payment, whether the webhook, a counter or the job asks. */
    public String refundKey() {
      return key("refund", paymentId);
    }
  }

  /**
   * What the provider did with a card payment of a given-up order.
   *
   * @param refundId the refund, or {@code null} when the intent was cancelled before any charge
   */
  public record Settled(long paymentId, String refundId) {}

  @PersistenceContext EntityManager em;
  @Inject Orders orders;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** The idempotency key of one act on one payment with the provider. */
  static String key(String act, long paymentId) {
    return "secondevie-" + act + "-" + paymentId;
  }

  /**
   * The provider settled a payment (webhook, inside the transaction that stored the event). The
   * order is locked first, like every act on it; the payment changes only from a state the event
   * may leave. Money that arrived for an order already given up is refunded once this transaction
   * has committed ({@link CardPayments}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void onCardSettled(@Observes CardPaymentSettled event) {
    Optional<SaleOrder> order = orders.ofIntent(event.intentId()).flatMap(orders::lockAny);
    if (order.isEmpty()) {
      LOG.warning(() -> "Stripe event " + event.eventId() + " for unknown " + event.intentId());
      return;
    }
    Payment payment = paymentOfIntent(order.get(), event.intentId()).orElseThrow();
    LocalDateTime now = LocalDateTime.now(clock);
    boolean changed =
        event.succeeded() ? payment.succeed(now) : payment.fail(event.failureMessage(), now);
    if (changed) {
      audit.record(
          event.succeeded() ? "ORDER_CARD_SUCCEEDED" : "ORDER_CARD_FAILED",
          "SaleOrder",
          order.get().id(),
          "payment " + payment.id() + ", event " + event.eventId());
    }
  }

  /** The given-up order holding this intent's money, if its payment still waits for a refund. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Long> givenUpOrderOf(String intentId) {
    return orders
        .ofIntent(intentId)
        .map(id -> em.find(SaleOrder.class, id))
        .filter(o -> o.cardsToSettle().stream().anyMatch(p -> intentId.equals(p.intentId())))
        .map(SaleOrder::id);
  }

  /** The card payments of a given-up order to settle with the provider, read without a lock. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<CardToSettle> toSettle(long orderId) {
    SaleOrder order = em.find(SaleOrder.class, orderId);
    return order == null
        ? List.of()
        : order.cardsToSettle().stream()
            .map(
                p ->
                    new CardToSettle(
                        p.id(),
                        p.intentId(),
                        p.amount().cents(),
                        p.status() == PaymentStatus.PENDING,
                        p.readerId()))
            .toList();
  }

  /** Given-up orders whose card money is not settled yet (the provider was out of reach). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> ordersToSettle() {
    return em.createNamedQuery("Payment.findGivenUpOrdersToSettle", Long.class)
        .setMaxResults(500)
        .getResultList();
  }

  /**
   * Records what the provider did, under the order's lock: a cancelled intent's payment CANCELLED,
   * a refunded one REFUNDED (SUCCEEDED first if its success has not reached the webhook yet).
   *
   * @param lateIntentId the intent whose success reached the webhook after the order was given up
   *     (its refund is audited as such), or {@code null}
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(long orderId, List<Settled> outcomes, String lateIntentId) {
    SaleOrder order = orders.lockAny(orderId).orElseThrow();
    LocalDateTime now = LocalDateTime.now(clock);
    for (Settled outcome : outcomes) {
      Payment payment = order.payment(outcome.paymentId()).orElseThrow();
      if (outcome.refundId() == null) {
        payment.cancel(now);
      } else if (payment.refundedByProvider(outcome.refundId(), now)
          && payment.intentId().equals(lateIntentId)) {
        audit.record(
            "ORDER_CARD_REFUNDED",
            "SaleOrder",
            orderId,
            "payment " + payment.id() + " arrived after the order was " + order.status());
      }
    }
  }

  private static Optional<Payment> paymentOfIntent(SaleOrder order, String intentId) {
    return order.payments().stream().filter(p -> intentId.equals(p.intentId())).findFirst();
  }
}
