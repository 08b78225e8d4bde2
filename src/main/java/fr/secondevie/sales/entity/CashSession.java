package fr.secondevie.sales.entity;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A relay's cash drawer from its opening float to its closing: every cash payment taken meanwhile
 * belongs to it, and the closing compares the cash counted with what should be there (the float,
 * plus cash taken, less cash handed back). At most one session of a relay is open (the database's
 * unique {@code open_relay_id}); one open for more than {@link #MAX_OPEN} is closed before the next
 * cash sale.
 */
@Entity
@Table(name = "cash_session")
public class CashSession {

  /** How long a session may stay open and still take cash. */
  public static final Duration MAX_OPEN = Duration.ofHours(24);

  /** What the closing found, by means of payment, from the journal since the last closing. */
  public record Totals(
      int salesCount, long cashCents, long cardCents, long voucherCents, long refundsCents) {

    public long totalCents() {
      return cashCents + cardCents + voucherCents;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "relay_id", nullable = false)
  private long relayId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CashSessionStatus status;

  @Column(name = "open_relay_id")
  private Long openRelayId;

  @Column(name = "opened_at", nullable = false)
  private LocalDateTime openedAt;

  @Column(name = "opened_by", nullable = false)
  private String openedBy;

  @Column(name = "opening_float_cents", nullable = false)
  private Money openingFloat;

  @Column(name = "closed_at")
  private LocalDateTime closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  @Column(name = "closing_number")
  private Long closingNumber;

  @Column(name = "expected_cents")
  private Money expected;

  @Column(name = "counted_cents")
  private Money counted;

  @Column(name = "sales_count")
  private Integer salesCount;

  @Column(name = "cash_cents")
  private Long cashCents;

  @Column(name = "card_cents")
  private Long cardCents;

  @Column(name = "voucher_cents")
  private Long voucherCents;

  @Column(name = "refunds_cents")
  private Long refundsCents;

  protected CashSession() {}

  public CashSession(long relayId, Money openingFloat, String openedBy, LocalDateTime at) {
    if (openingFloat.isNegative()) {
      throw BusinessException.badRequest("INVALID_AMOUNT", "A float cannot be negative");
    }
    this.relayId = relayId;
    this.status = CashSessionStatus.OPEN;
    this.openRelayId = relayId;
    this.openingFloat = openingFloat;
    this.openedBy = openedBy;
    this.openedAt = at;
  }

  /** Whether this session may still take cash at {@code now}. */
  public boolean tooOldAt(LocalDateTime now) {
    return openedAt.plus(MAX_OPEN).isBefore(now);
  }

  /** Closes the session with the cash counted and what the journal found since the last closing. */
  public void close(
      long number,
      Money expected,
      Money counted,
      Totals totals,
      String closedBy,
      LocalDateTime at) {
    if (status != CashSessionStatus.OPEN) {
      throw new IllegalStateException("Cash session " + id + " is already closed");
    }
    if (counted.isNegative()) {
      throw BusinessException.badRequest("INVALID_AMOUNT", "Cash counted cannot be negative");
    }
    this.status = CashSessionStatus.CLOSED;
    this.openRelayId = null;
    this.closingNumber = number;
    this.expected = expected;
    this.counted = counted;
    this.salesCount = totals.salesCount();
    this.cashCents = totals.cashCents();
    this.cardCents = totals.cardCents();
    this.voucherCents = totals.voucherCents();
    this.refundsCents = totals.refundsCents();
    this.closedBy = closedBy;
    this.closedAt = at;
  }

  public boolean isOpen() {
    return status == CashSessionStatus.OPEN;
  }

  public Long id() {
    return id;
  }

  public long relayId() {
    return relayId;
  }

  public CashSessionStatus status() {
    return status;
  }

  public LocalDateTime openedAt() {
    return openedAt;
  }

  public String openedBy() {
    return openedBy;
  }

  public Money openingFloat() {
    return openingFloat;
  }

  public LocalDateTime closedAt() {
    return closedAt;
  }

  public String closedBy() {
    return closedBy;
  }

  public Long closingNumber() {
    return closingNumber;
  }

  public Money expected() {
    return expected;
  }

  public Money counted() {
    return counted;
  }

  /** Counted less expected: negative when cash is missing. */
  public Money difference() {
    return counted == null ? null : counted.minus(expected);
  }

  public Totals totals() {
    return salesCount == null
        ? null
        : new Totals(salesCount, cashCents, cardCents, voucherCents, refundsCents);
  }
}
