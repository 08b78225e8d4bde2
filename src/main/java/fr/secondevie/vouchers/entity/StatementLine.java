package fr.secondevie.vouchers.entity;

import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One voucher on a statement: a redemption at a relay, or a voucher credited back unused. */
@Entity
@Table(name = "voucher_statement_line")
@NamedQuery(
    name = "StatementLine.findByStatement",
    query =
        "select l from StatementLine l where l.statementId = :statement"
            + " order by l.occurredAt, l.id")
public class StatementLine {

  @Id private Long id;

  @Column(name = "statement_id", nullable = false, updatable = false)
  private long statementId;

  @Column(name = "voucher_code", nullable = false, updatable = false)
  private String voucherCode;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private LocalDateTime occurredAt;

  @Column(name = "order_id", updatable = false)
  private Long orderId;

  @Column(name = "face_value_cents", nullable = false, updatable = false)
  private Money faceValue;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private Money amount;

  protected StatementLine() {}

  public Long id() {
    return id;
  }

  public long statementId() {
    return statementId;
  }

  public String voucherCode() {
    return voucherCode;
  }

  public LocalDateTime occurredAt() {
    return occurredAt;
  }

  public Long orderId() {
    return orderId;
  }

  public Money faceValue() {
    return faceValue;
  }

  public Money amount() {
    return amount;
  }
}
