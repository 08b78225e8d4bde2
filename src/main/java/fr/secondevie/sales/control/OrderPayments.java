package fr.secondevie.sales.control;

import fr.secondevie.payments.control.CardReaders;
import fr.secondevie.payments.control.PaymentGateway;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.sales.entity.Payment;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.PaymentStatus;
import fr.secondevie.sales.entity.SaleOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The payments of an order as the database records them, each step a short transaction under the
 * order's row lock and none calling the card provider: cash taken at once; a card payment first
 * recorded PENDING (so the amount is no longer due and no second payment can take it), then given
 * the PaymentIntent the provider created meanwhile, or forgotten if the provider could not create
 * it. {@link CardPayments} calls the provider between the steps.
 */
@ApplicationScoped
public class OrderPayments {

  /** The answer to a payment: the payment, and the order it belongs to. */
  public record PaymentTaken(OrderSummary.PaymentSummary payment, OrderSummary order) {}

  /** A card payment recorded PENDING, for which the provider is to create a PaymentIntent. */
  public record CardToStart(
      long orderId,
      long paymentId,
      long amountCents,
      Map<String, String> metadata,
      String readerId) {

    /** The same key for every attempt at this payment: a retried call creates one intent. */
    public String idempotencyKey() {
      return CardSettlement.key("payment", paymentId);
    }

    /** Asks the reader once to process this payment's intent. */
    public String processKey() {
      return CardSettlement.key("process", paymentId);
    }
  }

  /** A pending card payment the counter cancels: its reader's action and its intent. */
  public record CardToCancel(
      long orderId, long paymentId, String intentId, String readerId, boolean pending) {

    public String cancelActionKey() {
      return CardSettlement.key("cancel-action", paymentId);
    }

    public String cancelKey() {
      return CardSettlement.key("cancel", paymentId);
    }
  }

  /** What the counter is told when it cancels a payment on its reader. */
  static final String CANCELLED_AT_COUNTER = "Cancelled at the counter";

  @PersistenceContext EntityManager em;
  @Inject Orders orders;
  @Inject CashSessions cashSessions;
  @Inject CardReaders readers;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Takes cash: it succeeds at once, into the relay's open cash session. More than is due is 422
   * AMOUNT_EXCEEDS_DUE; no open session is 409 NO_OPEN_CASH_SESSION, one open for more than 24 h
   * 409 CASH_SESSION_TOO_OLD.
   */
  @Transactional
  public PaymentTaken takeCash(long orderId, long amountCents) {
    LocalDateTime now = LocalDateTime.now(clock);
    SaleOrder order = orders.lockToAct(orderId, now);
    Payment payment = order.pay(PaymentMethod.CASH, Money.ofCents(amountCents), now);
    payment.intoDrawer(cashSessions.forCash(order.relayId(), now).id());
    order.touch(now);
    em.flush();
    audited(payment, orderId);
    return taken(payment, null, order);
  }

  /**
   * Records a card payment PENDING, before the provider is asked: 503 CARD_PAYMENTS_UNAVAILABLE
   * when this installation takes no cards, 422 AMOUNT_EXCEEDS_DUE for more than is due.
   */
  @Transactional
  public CardToStart startCard(
      long orderId, long amountCents, boolean cardsAvailable, String readerId) {
    LocalDateTime now = LocalDateTime.now(clock);
    SaleOrder order = orders.lockToAct(orderId, now);
    if (!cardsAvailable) {
      throw new BusinessException(
          503, "CARD_PAYMENTS_UNAVAILABLE", "Card payments are not set up at this relay");
    }
    if (readerId != null) {
      readers.of(order.relayId(), readerId);
    }
    Payment payment = order.pay(PaymentMethod.CARD, Money.ofCents(amountCents), now);
    if (readerId != null) {
      payment.onReader(readerId);
    }
    order.touch(now);
    em.flush();
    return new CardToStart(
        orderId,
        payment.id(),
        amountCents,
        Map.of(
            "order_id", String.valueOf(orderId),
            "payment_id", String.valueOf(payment.id()),
            "relay_id", String.valueOf(order.relayId())),
        readerId);
  }

  /**
   * Gives the pending card payment the PaymentIntent the provider created; doing it again changes
   * nothing. Nobody has the intent's client secret before this answer, so no card was charged
   * meanwhile.
   *
   * @return the payment with its client secret; empty when the order was given up meanwhile (its
   *     payment cancelled), and the caller cancels the intent
   */
  @Transactional
  public Optional<PaymentTaken> attachCard(CardToStart card, PaymentGateway.CardIntent intent) {
    SaleOrder order = orders.lock(card.orderId());
    Payment payment = order.payment(card.paymentId()).orElseThrow();
    if (payment.intentId() == null) {
      payment.awaitCard(intent.intentId());
    }
    if (payment.status() != PaymentStatus.PENDING || !order.isOpen()) {
      return Optional.empty();
    }
    audited(payment, card.orderId());
    return Optional.of(taken(payment, intent.clientSecret(), order));
  }

  /**
   * The reader could not be asked to take the card (offline, busy): the payment fails with that
   * reason, and its intent has been cancelled; the counter tries again, on this reader or another.
   */
  @Transactional
  public void readerRefused(CardToStart card, String reason) {
    SaleOrder order = orders.lockAny(card.orderId()).orElseThrow();
    order.payment(card.paymentId()).ifPresent(p -> p.fail(reason, LocalDateTime.now(clock)));
  }

  /**
   * The card payment the counter cancels, read under the order's lock: 404 Payment when the order
   * has no such payment, 409 PAYMENT_NOT_ON_READER when it is not a card taken on a reader.
   */
  @Transactional
  public CardToCancel toCancel(long orderId, long paymentId) {
    SaleOrder order = orders.lock(orderId);
    Payment payment =
        order.payment(paymentId).orElseThrow(() -> BusinessException.notFound("Payment"));
    if (payment.readerId() == null || payment.intentId() == null) {
      throw BusinessException.conflict(
          "PAYMENT_NOT_ON_READER", "Payment " + paymentId + " is not a card taken on a reader");
    }
    return new CardToCancel(
        orderId,
        paymentId,
        payment.intentId(),
        payment.readerId(),
        payment.status() == PaymentStatus.PENDING);
  }

  /**
   * Records the cancellation: a pending payment FAILED, or SUCCEEDED when the card was charged
   * before the cancellation reached the bank (the money was taken, the sale can go on). A payment
   * settled meanwhile stays as it is.
   */
  @Transactional
  public PaymentTaken cancelledOnReader(CardToCancel card, boolean charged) {
    SaleOrder order = orders.lockAny(card.orderId()).orElseThrow();
    Payment payment = order.payment(card.paymentId()).orElseThrow();
    LocalDateTime now = LocalDateTime.now(clock);
    boolean changed = charged ? payment.succeed(now) : payment.fail(CANCELLED_AT_COUNTER, now);
    if (changed) {
      audited(payment, card.orderId());
    }
    return taken(payment, null, order);
  }

  /** The provider could not create the intent: the payment is forgotten, as if never asked. */
  @Transactional
  public void forgetCard(CardToStart card) {
    SaleOrder order = orders.lock(card.orderId());
    order.payment(card.paymentId()).filter(order::forgetUnstartedCard).ifPresent(em::remove);
  }

  private void audited(Payment payment, long orderId) {
    audit.record(
        "ORDER_PAYMENT_" + payment.status(),
        "SaleOrder",
        orderId,
        payment.method() + " " + payment.amount().cents() + " cents, payment " + payment.id());
  }

  private PaymentTaken taken(Payment payment, String clientSecret, SaleOrder order) {
    return new PaymentTaken(
        OrderSummary.PaymentSummary.of(payment, clientSecret), orders.summary(order));
  }
}
