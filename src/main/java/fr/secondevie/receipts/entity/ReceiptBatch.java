package fr.secondevie.receipts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A batch of receipts issued in the background, with its progress. */
@Entity
@Table(name = "receipt_batch")
public class ReceiptBatch {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "issuer_id", nullable = false, updatable = false)
  private long issuerId;

  private int total;
  private int done;
  private int failed;
  private String status;

  @Column(name = "finished_at")
  private LocalDateTime finishedAt;

  protected ReceiptBatch() {}

  public ReceiptBatch(int total, String createdBy, long issuerId, LocalDateTime createdAt) {
    this.total = total;
    this.createdBy = createdBy;
    this.issuerId = issuerId;
    this.createdAt = createdAt;
    this.status = total == 0 ? "FINISHED" : "RUNNING";
    this.finishedAt = total == 0 ? createdAt : null;
  }

  public Long id() {
    return id;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public long issuerId() {
    return issuerId;
  }

  public int total() {
    return total;
  }

  public int done() {
    return done;
  }

  public int failed() {
    return failed;
  }

  public String status() {
    return status;
  }

  public LocalDateTime finishedAt() {
    return finishedAt;
  }

  public int percent() {
    return total == 0 ? 100 : (int) (100L * (done + failed) / total);
  }
}
