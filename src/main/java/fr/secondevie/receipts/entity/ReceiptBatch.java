package fr.secondevie.receipts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A batch of receipts issued in the background, with its progress. One runs at a time per issuer
 * (the unique {@code running_issuer_id}); the donations it found already receipted by another act
 * are counted apart, neither done nor failed.
 */
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

  /** The issuer while the batch runs, null once it is over: unique, one running batch each. */
  @Column(name = "running_issuer_id")
  private Long runningIssuerId;

  @Column(name = "progress_at")
  private LocalDateTime progressAt;

  @Column(name = "already_issued", nullable = false)
  private int alreadyIssued;

  protected ReceiptBatch() {}

  public ReceiptBatch(int total, String createdBy, long issuerId, LocalDateTime createdAt) {
    this.total = total;
    this.createdBy = createdBy;
    this.issuerId = issuerId;
    this.createdAt = createdAt;
    this.status = total == 0 ? "FINISHED" : "RUNNING";
    this.finishedAt = total == 0 ? createdAt : null;
    this.runningIssuerId = total == 0 ? null : issuerId;
    this.progressAt = createdAt;
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

  /** Donations another act had receipted when the batch came to them. */
  public int alreadyIssued() {
    return alreadyIssued;
  }

  public LocalDateTime progressAt() {
    return progressAt;
  }

  public int percent() {
    return total == 0 ? 100 : (int) (100L * (done + failed + alreadyIssued) / total);
  }
}
