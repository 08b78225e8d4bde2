package fr.secondevie.sales.entity;

import fr.secondevie.platform.entity.Money;
import fr.secondevie.vouchers.entity.VoucherKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A voucher an order holds, and the part of its face value the order uses: a voucher pays at most
 * what is left due on the lines it may pay, and gives no change. The funder's name is kept as it
 * was, because the receipt and the funder's share must read the same years later.
 */
@Entity
@Table(name = "sale_order_voucher")
public class OrderVoucher {

  /** Taken from the database's sequence in blocks of 50 (V162): no round trip after the INSERT. */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sale_order_voucher_id")
  @SequenceGenerator(
      name = "sale_order_voucher_id",
      sequenceName = "sale_order_voucher_id_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "order_id")
  private SaleOrder order;

  @Column(nullable = false)
  private String code;

  @Column(name = "programme_id", nullable = false)
  private long programmeId;

  @Column(name = "programme_name", nullable = false)
  private String programmeName;

  /** CHEQUE_EQUIPEMENT or PASS_NUMERIQUE: which lines it pays. */
  @Column(nullable = false)
  private String kind;

  @Column(name = "funder_id", nullable = false)
  private long funderId;

  @Column(name = "funder_name", nullable = false)
  private String funderName;

  @Column(name = "face_value_cents", nullable = false)
  private Money faceValue;

  @Column(name = "applied_cents", nullable = false)
  private Money applied;

  @Column(name = "added_at", nullable = false)
  private LocalDateTime addedAt;

  protected OrderVoucher() {}

  public OrderVoucher(
      String code,
      long programmeId,
      String programmeName,
      String kind,
      long funderId,
      String funderName,
      Money faceValue,
      Money applied,
      LocalDateTime addedAt) {
    if (!applied.isGreaterThan(Money.ZERO) || applied.isGreaterThan(faceValue)) {
      throw new IllegalArgumentException("A voucher pays between one cent and its face value");
    }
    this.code = code;
    this.programmeId = programmeId;
    this.programmeName = programmeName;
    this.kind = kind;
    this.funderId = funderId;
    this.funderName = funderName;
    this.faceValue = faceValue;
    this.applied = applied;
    this.addedAt = addedAt;
  }

  void attachTo(SaleOrder order) {
    this.order = order;
  }

  /**
   * The order lost a line: the voucher pays less of it (between one cent and what it paid before).
   */
  void reduceTo(Money less) {
    if (!less.isGreaterThan(Money.ZERO) || less.isGreaterThan(applied)) {
      throw new IllegalArgumentException("A voucher pays less, and at least one cent");
    }
    this.applied = less;
  }

  /** The kind of line this voucher may pay. */
  public LineKind pays() {
    return linesPaidBy(kind);
  }

  /** The kind of line a voucher of that kind ({@link VoucherKind}'s name) may pay. */
  static LineKind linesPaidBy(String kind) {
    return VoucherKind.valueOf(kind).paysServices() ? LineKind.SERVICE : LineKind.DEVICE;
  }

  public String code() {
    return code;
  }

  public long programmeId() {
    return programmeId;
  }

  public String programmeName() {
    return programmeName;
  }

  public String kind() {
    return kind;
  }

  public long funderId() {
    return funderId;
  }

  public String funderName() {
    return funderName;
  }

  public Money faceValue() {
    return faceValue;
  }

  public Money applied() {
    return applied;
  }

  public LocalDateTime addedAt() {
    return addedAt;
  }
}
