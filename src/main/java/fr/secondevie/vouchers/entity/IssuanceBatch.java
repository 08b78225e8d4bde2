package fr.secondevie.vouchers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One request to issue vouchers under a programme. Large batches are issued in the background in
 * chunks; the count issued so far lives in this row, so any instance can show the progress, and one
 * background batch runs at a time per programme.
 */
@Entity
@Table(name = "issuance_batch")
@NamedQuery(
    name = "IssuanceBatch.findByProgramme",
    query = "select b from IssuanceBatch b where b.programmeId = :programme order by b.id desc")
public class IssuanceBatch {

  /** Where a batch stands. */
  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  /** The most vouchers one batch may issue. */
  public static final int MAX_QUANTITY = 100_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "programme_id", nullable = false, updatable = false)
  private long programmeId;

  @Column(nullable = false, updatable = false)
  private int quantity;

  @Column(name = "issued_count", nullable = false)
  private int issuedCount;

  @Column(nullable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Status status;

  @Column(name = "beneficiary_ref", updatable = false)
  private String beneficiaryRef;

  @Column(name = "requested_by", updatable = false)
  private String requestedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "finished_at")
  private LocalDateTime finishedAt;

  private String failure;

  /** The programme while the batch runs in the background, else null: unique, one at a time. */
  @Column(name = "running_programme_id")
  private Long runningProgrammeId;

  @Column(name = "progress_at")
  private LocalDateTime progressAt;

  protected IssuanceBatch() {}

  public IssuanceBatch(
      long programmeId,
      int quantity,
      String beneficiaryRef,
      String requestedBy,
      LocalDateTime createdAt) {
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new IllegalArgumentException("A batch issues 1 to " + MAX_QUANTITY + " vouchers");
    }
    this.programmeId = programmeId;
    this.quantity = quantity;
    this.beneficiaryRef = beneficiaryRef;
    this.requestedBy = requestedBy;
    this.createdAt = Objects.requireNonNull(createdAt);
    this.status = Status.RUNNING;
    this.progressAt = createdAt;
  }

  /**
   * The batch will be written in the background, after its request answered: it holds its programme
   * until it is done or failed, so that no other background batch of the programme starts meanwhile
   * (the database refuses a second running one).
   */
  public void runInBackground() {
    this.runningProgrammeId = programmeId;
  }

  /** Progress in whole percent, 100 only once done. */
  public int percent() {
    return status == Status.DONE ? 100 : (int) Math.min(99, 100L * issuedCount / quantity);
  }

  public Long id() {
    return id;
  }

  public long programmeId() {
    return programmeId;
  }

  public int quantity() {
    return quantity;
  }

  public int issuedCount() {
    return issuedCount;
  }

  public Status status() {
    return status;
  }

  public String beneficiaryRef() {
    return beneficiaryRef;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime finishedAt() {
    return finishedAt;
  }

  public String failure() {
    return failure;
  }
}
