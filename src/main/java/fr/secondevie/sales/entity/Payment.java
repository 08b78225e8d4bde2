package fr.secondevie.sales.entity;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Money taken for an order besides vouchers. Cash succeeds at once; a card payment waits for the
 * provider (its PaymentIntent id) and is settled by the webhook, once: a success is final, and a
 * failure that arrives after it changes nothing.
 */
@Entity
@Table(name = "sale_payment")
@NamedQuery(
    name = "Payment.findGivenUpOrdersToSettle",
    query =
        "select distinct p.order.id from Payment p"
            + " where p.method = fr.secondevie.sales.entity.PaymentMethod.CARD"
            + " and p.intentId is not null"
            + " and p.status in (fr.secondevie.sales.entity.PaymentStatus.PENDING,"
            + " fr.secondevie.sales.entity.PaymentStatus.SUCCEEDED)"
            + " and p.order.status in (fr.secondevie.sales.entity.OrderStatus.CANCELLED,"
            + " fr.secondevie.sales.entity.OrderStatus.EXPIRED)"
            + " order by p.order.id")
public class Payment {

  /** Taken from the database's sequence in blocks of 50 (V162): no round trip after the INSERT. */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sale_payment_id")
  @SequenceGenerator(
      name = "sale_payment_id",
      sequenceName = "sale_payment_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "order_id")
  private SaleOrder order;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentMethod method;

  @Column(name = "amount_cents", nullable = false)
  private Money amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentStatus status;

  @Column(name = "intent_id")
  private String intentId;

  @Column(name = "refund_id")
  private String refundId;

  @Column(name = "failure_message")
  private String failureMessage;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "settled_at")
  private LocalDateTime settledAt;

  @Column(name = "refunded_at")
  private LocalDateTime refundedAt;

  /** The Terminal reader asked to take this card (server-driven); none on the client path. */
  @Column(name = "reader_id")
  private String readerId;

  /** The cash session open at the relay when this cash was taken; none for a card. */
  @Column(name = "cash_session_id")
  private Long cashSessionId;

  protected Payment() {}

  Payment(SaleOrder order, PaymentMethod method, Money amount, LocalDateTime at) {
    if (!amount.isGreaterThan(Money.ZERO)) {
      throw BusinessException.badRequest("INVALID_AMOUNT", "A payment is of at least one cent");
    }
    this.order = order;
    this.method = method;
    this.amount = amount;
    this.createdAt = at;
    if (method == PaymentMethod.CASH) {
      this.status = PaymentStatus.SUCCEEDED;
      this.settledAt = at;
    } else {
      this.status = PaymentStatus.PENDING;
    }
  }

  /** The provider's PaymentIntent that will settle this card payment. */
  public void awaitCard(String intentId) {
    if (method != PaymentMethod.CARD || this.intentId != null) {
      throw new IllegalStateException("Payment " + id + " already has an intent");
    }
    this.intentId = intentId;
  }

  /** This card payment is taken on that reader of the relay, asked by the server. */
  public void onReader(String readerId) {
    if (method != PaymentMethod.CARD || this.intentId != null || this.readerId != null) {
      throw new IllegalStateException("Payment " + id + " is not a card payment to start");
    }
    this.readerId = readerId;
  }

  /**
   * The provider says the card was charged. Applies to a pending or failed payment (a customer may
   * retry a declined card on the same intent); anything else stays as it is.
   *
   * @return whether the payment changed
   */
  public boolean succeed(LocalDateTime at) {
    if (status != PaymentStatus.PENDING && status != PaymentStatus.FAILED) {
      return false;
    }
    this.status = PaymentStatus.SUCCEEDED;
    this.settledAt = at;
    this.failureMessage = null;
    return true;
  }

  /**
   * The provider says the card was declined. Only a pending payment fails: a late failure event
   * after a success changes nothing.
   *
   * @return whether the payment changed
   */
  public boolean fail(String message, LocalDateTime at) {
    if (status != PaymentStatus.PENDING) {
      return false;
    }
    this.status = PaymentStatus.FAILED;
    this.settledAt = at;
    this.failureMessage = message == null ? null : truncate(message);
    return true;
  }

  /** The order was given up before the card was charged. */
  public void cancel(LocalDateTime at) {
    if (status == PaymentStatus.PENDING) {
      this.status = PaymentStatus.CANCELLED;
      this.settledAt = at;
    }
  }

  /** The money went back to the customer (cash handed back, or the card refunded). */
  public void refunded(String refundId, LocalDateTime at) {
    if (status != PaymentStatus.SUCCEEDED) {
      throw new IllegalStateException("Only a succeeded payment is refunded");
    }
    this.status = PaymentStatus.REFUNDED;
    this.refundId = refundId;
    this.refundedAt = at;
  }

  /**
   * The provider refunded this card payment, charged perhaps before its success reached us: it
   * becomes SUCCEEDED then REFUNDED, once; a payment already refunded stays as it is.
   *
   * @return whether the payment changed
   */
  public boolean refundedByProvider(String refundId, LocalDateTime at) {
    if (status == PaymentStatus.PENDING || status == PaymentStatus.FAILED) {
      succeed(at);
    }
    if (status != PaymentStatus.SUCCEEDED) {
      return false;
    }
    refunded(refundId, at);
    return true;
  }

  /** This cash went into the drawer of that session. */
  public void intoDrawer(long cashSessionId) {
    if (method != PaymentMethod.CASH || this.cashSessionId != null) {
      throw new IllegalStateException("Payment " + id + " is not cash waiting for a drawer");
    }
    this.cashSessionId = cashSessionId;
  }

  public String readerId() {
    return readerId;
  }

  public Long cashSessionId() {
    return cashSessionId;
  }

  private static String truncate(String message) {
    return message.length() <= 500 ? message : message.substring(0, 500);
  }

  public Long id() {
    return id;
  }

  public SaleOrder order() {
    return order;
  }

  public PaymentMethod method() {
    return method;
  }

  public Money amount() {
    return amount;
  }

  public PaymentStatus status() {
    return status;
  }

  public String intentId() {
    return intentId;
  }

  public String refundId() {
    return refundId;
  }

  public String failureMessage() {
    return failureMessage;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime settledAt() {
    return settledAt;
  }

  public LocalDateTime refundedAt() {
    return refundedAt;
  }
}
