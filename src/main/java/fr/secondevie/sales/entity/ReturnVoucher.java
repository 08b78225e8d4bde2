package fr.secondevie.sales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A voucher's share of a returned device: given back to its funder, and the voucher itself given
 * back to the person (ISSUED again, the same code) when it paid for nothing else kept.
 */
@Entity
@Table(name = "sale_return_voucher")
public class ReturnVoucher {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "return_id")
  private SaleReturn saleReturn;

  @Column(nullable = false, updatable = false)
  private String code;

  @Column(name = "reversed_cents", nullable = false, updatable = false)
  private long reversedCents;

  @Column(nullable = false, updatable = false)
  private boolean reinstated;

  protected ReturnVoucher() {}

  ReturnVoucher(SaleReturn saleReturn, String code, long reversedCents, boolean reinstated) {
    this.saleReturn = saleReturn;
    this.code = code;
    this.reversedCents = reversedCents;
    this.reinstated = reinstated;
  }

  public String code() {
    return code;
  }

  public long reversedCents() {
    return reversedCents;
  }

  public boolean reinstated() {
    return reinstated;
  }
}
