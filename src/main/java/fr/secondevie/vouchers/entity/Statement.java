package fr.secondevie.vouchers.entity;

import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A monthly statement of a programme: either what the funder owes one relay for the vouchers it
 * redeemed that month (RELAY_PAYMENT), or the credit back to the funder of the vouchers that
 * expired unused that month (FUNDER_CREDIT), one of each per programme, relay and month (a unique
 * constraint). A DRAFT is recomputed in place on request; once AGREED its lines are frozen; then it
 * is PAID. Status changes are conditional updates. A statement of a month not yet over is
 * provisional: it is drawn up to be read, and agreed or paid only once the month is over. The
 * agreement and the payment each record a date and a reference (the mandate's number).
 */
@Entity
@Table(name = "voucher_statement")
@NamedQuery(
    name = "Statement.findByProgramme",
    query =
        "select s from Statement s where s.programmeId = :programme"
            + " order by s.period desc, s.kind, s.relayId")
@NamedQuery(
    name = "Statement.findByProgrammeAndPeriod",
    query =
        "select s from Statement s where s.programmeId = :programme and s.period = :period"
            + " order by s.kind, s.relayId")
public class Statement {

  /** Who the statement settles with. */
  public enum Kind {
    RELAY_PAYMENT,
    FUNDER_CREDIT
  }

  /** DRAFT (recomputable), AGREED (frozen), PAID. */
  public enum Status {
    DRAFT,
    AGREED,
    PAID
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "programme_id", nullable = false, updatable = false)
  private long programmeId;

  @Column(name = "relay_id", updatable = false)
  private Long relayId;

  /**
   * The relay's id, or 0 for a funder credit: the database holds one statement per programme, month
   * and relay key (a unique constraint cannot compare the credit's null relay).
   */
  @Column(name = "relay_key", nullable = false, updatable = false)
  private long relayKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Kind kind;

  @Column(nullable = false, updatable = false)
  private String period;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "item_count", nullable = false)
  private int itemCount;

  @Column(name = "amount_cents", nullable = false)
  private Money amount;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "agreed_at")
  private LocalDateTime agreedAt;

  @Column(name = "agreed_by")
  private String agreedBy;

  @Column(name = "paid_at")
  private LocalDateTime paidAt;

  @Column(name = "agreement_date")
  private LocalDate agreementDate;

  @Column(name = "agreement_reference")
  private String agreementReference;

  @Column(name = "payment_date")
  private LocalDate paymentDate;

  @Column(name = "payment_reference")
  private String paymentReference;

  protected Statement() {}

  public Statement(
      long programmeId,
      Long relayId,
      Kind kind,
      YearMonth period,
      int itemCount,
      Money amount,
      LocalDateTime createdAt) {
    if ((kind == Kind.RELAY_PAYMENT) != (relayId != null)) {
      throw new IllegalArgumentException("A relay payment names its relay, a credit does not");
    }
    this.programmeId = programmeId;
    this.relayId = relayId;
    this.relayKey = relayId == null ? 0 : relayId;
    this.kind = Objects.requireNonNull(kind);
    this.period = period.toString();
    this.status = Status.DRAFT;
    this.itemCount = itemCount;
    this.amount = Objects.requireNonNull(amount);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /**
   * The month drawn up again while the statement is still a draft: its count and amount are those
   * of today's redemptions (or expiries), the statement stays the same one.
   */
  public void redraw(int itemCount, Money amount) {
    if (status != Status.DRAFT) {
      throw new IllegalStateException("Only a draft statement is drawn up again");
    }
    this.itemCount = itemCount;
    this.amount = Objects.requireNonNull(amount);
  }

  /**
   * Whether the statement's month is not over on {@code today}: its figures may still change, so it
   * is shown as provisional and cannot be agreed or paid yet.
   */
  public boolean isProvisionalOn(LocalDate today) {
    return !period().isBefore(YearMonth.from(today));
  }

  public Long id() {
    return id;
  }

  public long programmeId() {
    return programmeId;
  }

  public Long relayId() {
    return relayId;
  }

  public Kind kind() {
    return kind;
  }

  public YearMonth period() {
    return YearMonth.parse(period);
  }

  public Status status() {
    return status;
  }

  public int itemCount() {
    return itemCount;
  }

  public Money amount() {
    return amount;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime agreedAt() {
    return agreedAt;
  }

  public String agreedBy() {
    return agreedBy;
  }

  public LocalDateTime paidAt() {
    return paidAt;
  }

  /**
   * The date the funder gave its agreement (its decision's date), with {@link #agreementReference}.
   */
  public LocalDate agreementDate() {
    return agreementDate;
  }

  public String agreementReference() {
    return agreementReference;
  }

  /** The date of the payment (or credit), with {@link #paymentReference}: the mandate's number. */
  public LocalDate paymentDate() {
    return paymentDate;
  }

  public String paymentReference() {
    return paymentReference;
  }
}
