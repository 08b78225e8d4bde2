package fr.secondevie.sales.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A device of a paid order brought back to the relay, as its credit note (avoir) records it: the
 * line returned, the reason, what it gave back by each means (vouchers to their funders or to the
 * person, cash from the drawer, card refunds at the provider). One per device and order: the unique
 * key decides between two counters returning it at once. Written once, never changed.
 */
@Entity
@Table(name = "sale_return")
@NamedQuery(
    name = "SaleReturn.findOfOrder",
    query = "select r from SaleReturn r where r.orderId = :order order by r.id")
public class SaleReturn {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, updatable = false)
  private long orderId;

  @Column(name = "relay_id", nullable = false, updatable = false)
  private long relayId;

  @Column(name = "line_number", nullable = false, updatable = false)
  private int lineNumber;

  @Column(name = "device_id", nullable = false, updatable = false)
  private long deviceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ReturnReason reason;

  @Column(updatable = false)
  private String note;

  @Column(name = "returned_at", nullable = false, updatable = false)
  private LocalDateTime returnedAt;

  @Column(name = "returned_by", nullable = false, updatable = false)
  private String returnedBy;

  @Column(name = "credit_note_number", nullable = false, updatable = false)
  private String creditNoteNumber;

  @Column(name = "price_cents", nullable = false, updatable = false)
  private long priceCents;

  @Column(name = "voucher_cents", nullable = false, updatable = false)
  private long voucherCents;

  @Column(name = "cash_cents", nullable = false, updatable = false)
  private long cashCents;

  @Column(name = "card_cents", nullable = false, updatable = false)
  private long cardCents;

  @OneToMany(mappedBy = "saleReturn", cascade = CascadeType.ALL)
  @OrderBy("id")
  private List<ReturnRefund> refunds = new ArrayList<>();

  @OneToMany(mappedBy = "saleReturn", cascade = CascadeType.ALL)
  @OrderBy("id")
  private List<ReturnVoucher> vouchers = new ArrayList<>();

  protected SaleReturn() {}

  /**
   * The return of a line, given back as {@code shares} says; cash refunds come from the drawer of
   * {@code cashSessionId} (null when no cash is given back).
   */
  public SaleReturn(
      SaleOrder order,
      OrderLine line,
      ReturnReason reason,
      String note,
      ReturnAllocation.LineShares shares,
      Long cashSessionId,
      String creditNoteNumber,
      String returnedBy,
      LocalDateTime at) {
    if (line.kind() != LineKind.DEVICE) {
      throw new IllegalArgumentException("Only a device is returned");
    }
    this.orderId = order.id();
    this.relayId = order.relayId();
    this.lineNumber = line.lineNumber();
    this.deviceId = line.deviceId();
    this.reason = Objects.requireNonNull(reason);
    this.note = note == null || note.isBlank() ? null : note.strip();
    this.creditNoteNumber = Objects.requireNonNull(creditNoteNumber);
    this.returnedBy = Objects.requireNonNull(returnedBy);
    this.returnedAt = Objects.requireNonNull(at);
    this.priceCents = shares.priceCents();
    this.voucherCents = shares.voucherCents();
    this.cashCents = shares.paidCents(PaymentMethod.CASH);
    this.cardCents = shares.paidCents(PaymentMethod.CARD);
    for (ReturnAllocation.VoucherShare share : shares.vouchers()) {
      vouchers.add(new ReturnVoucher(this, share.code(), share.cents(), share.reinstated()));
    }
    for (ReturnAllocation.PaymentShare share : shares.payments()) {
      refunds.add(
          new ReturnRefund(
              this,
              share.paymentId(),
              share.method(),
              share.cents(),
              share.method() == PaymentMethod.CASH ? cashSessionId : null));
    }
  }

  /** The series of the credit notes' numbers, one unbroken series per relay (its id for scope). */
  public static final String CREDIT_NOTE_SERIES = "credit_note";

  /** The relay's {@code sequence}-th credit note (avoir): {@code AV-R12-000001}. */
  public static String creditNoteNumber(long relayId, int sequence) {
    return String.format("AV-R%d-%06d", relayId, sequence);
  }

  /** The idempotency key of the card refund of one payment for this return. */
  public static String refundKey(long orderId, long deviceId, long paymentId) {
    return "return-" + orderId + "-" + deviceId + "-payment-" + paymentId;
  }

  public Long id() {
    return id;
  }

  public long orderId() {
    return orderId;
  }

  public long relayId() {
    return relayId;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public long deviceId() {
    return deviceId;
  }

  public ReturnReason reason() {
    return reason;
  }

  public String note() {
    return note;
  }

  public LocalDateTime returnedAt() {
    return returnedAt;
  }

  public String returnedBy() {
    return returnedBy;
  }

  public String creditNoteNumber() {
    return creditNoteNumber;
  }

  public long priceCents() {
    return priceCents;
  }

  public long voucherCents() {
    return voucherCents;
  }

  public long cashCents() {
    return cashCents;
  }

  public long cardCents() {
    return cardCents;
  }

  public List<ReturnRefund> refunds() {
    return Collections.unmodifiableList(refunds);
  }

  public List<ReturnVoucher> vouchers() {
    return Collections.unmodifiableList(vouchers);
  }
}
