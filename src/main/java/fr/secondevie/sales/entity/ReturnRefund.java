package fr.secondevie.sales.entity;

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
import jakarta.persistence.Table;

/**
 * Money a return gave back of one payment: cash handed out of the drawer of the session open then,
 * or a card refund at the provider (its refund id).
 */
@Entity
@Table(name = "sale_return_refund")
public class ReturnRefund {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "return_id")
  private SaleReturn saleReturn;

  @Column(name = "payment_id", nullable = false, updatable = false)
  private long paymentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private PaymentMethod method;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private long amountCents;

  @Column(name = "cash_session_id", updatable = false)
  private Long cashSessionId;

  @Column(name = "provider_refund_id")
  private String providerRefundId;

  protected ReturnRefund() {}

  ReturnRefund(
      SaleReturn saleReturn,
      long paymentId,
      PaymentMethod method,
      long amountCents,
      Long cashSessionId) {
    if (amountCents <= 0) {
      throw new IllegalArgumentException("A refund is of at least one cent");
    }
    this.saleReturn = saleReturn;
    this.paymentId = paymentId;
    this.method = method;
    this.amountCents = amountCents;
    this.cashSessionId = cashSessionId;
  }

  /** The provider refunded the card. */
  public void refundedByProvider(String refundId) {
    if (method != PaymentMethod.CARD || providerRefundId != null) {
      throw new IllegalStateException("Refund " + id + " is not a card refund waiting");
    }
    this.providerRefundId = refundId;
  }

  public Long id() {
    return id;
  }

  public long paymentId() {
    return paymentId;
  }

  public PaymentMethod method() {
    return method;
  }

  public long amountCents() {
    return amountCents;
  }

  public Long cashSessionId() {
    return cashSessionId;
  }

  public String providerRefundId() {
    return providerRefundId;
  }
}
