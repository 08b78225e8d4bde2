package fr.secondevie.vouchers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One voucher. Its status never changes through this object: every change (hold, release, redeem,
 * cancel, expire) is a conditional UPDATE of the row that succeeds for exactly one caller (see
 * {@code VoucherLedger}), so two counters can never take the same voucher. Rows are inserted in
 * JDBC batches by the issuance.
 */
@Entity
@Table(name = "voucher")
@NamedQuery(name = "Voucher.findByCode", query = "select v from Voucher v where v.code = :code")
@NamedQuery(
    name = "Voucher.findByBatch",
    query = "select v from Voucher v where v.batchId = :batch order by v.id")
public class Voucher {

  @Id private Long id;

  @Column(nullable = false, updatable = false)
  private String code;

  @Column(name = "programme_id", nullable = false, updatable = false)
  private long programmeId;

  @Column(name = "batch_id", nullable = false, updatable = false)
  private long batchId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, insertable = false, updatable = false)
  private VoucherStatus status;

  @Column(name = "beneficiary_ref", updatable = false)
  private String beneficiaryRef;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private LocalDateTime issuedAt;

  @Column(name = "order_id", insertable = false, updatable = false)
  private Long orderId;

  @Column(name = "held_at", insertable = false, updatable = false)
  private LocalDateTime heldAt;

  @Column(name = "redeemed_at", insertable = false, updatable = false)
  private LocalDateTime redeemedAt;

  @Column(name = "cancelled_at", insertable = false, updatable = false)
  private LocalDateTime cancelledAt;

  @Column(name = "expired_at", insertable = false, updatable = false)
  private LocalDateTime expiredAt;

  protected Voucher() {}

  /** A voucher as issued (the issuance writes them in JDBC batches; this serves documents). */
  public Voucher(
      String code, long programmeId, long batchId, String beneficiaryRef, LocalDateTime issuedAt) {
    this.code = VoucherCode.parse(code).value();
    this.programmeId = programmeId;
    this.batchId = batchId;
    this.beneficiaryRef = beneficiaryRef;
    this.issuedAt = issuedAt;
    this.status = VoucherStatus.ISSUED;
  }

  /**
   * The status a person should be told on {@code day}: an ISSUED voucher past its programme's last
   * accepted day is EXPIRED even before the nightly job has marked it.
   */
  public VoucherStatus statusOn(LocalDate day, VoucherProgramme programme) {
    return status == VoucherStatus.ISSUED && programme.isExpiredOn(day)
        ? VoucherStatus.EXPIRED
        : status;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String groupedCode() {
    return VoucherCode.group(code);
  }

  public long programmeId() {
    return programmeId;
  }

  public long batchId() {
    return batchId;
  }

  public VoucherStatus status() {
    return status;
  }

  public String beneficiaryRef() {
    return beneficiaryRef;
  }

  public LocalDateTime issuedAt() {
    return issuedAt;
  }

  public Long orderId() {
    return orderId;
  }

  public LocalDateTime heldAt() {
    return heldAt;
  }

  public LocalDateTime redeemedAt() {
    return redeemedAt;
  }

  public LocalDateTime cancelledAt() {
    return cancelledAt;
  }

  public LocalDateTime expiredAt() {
    return expiredAt;
  }
}
