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
 * A booklet of passes numériques (APTIC model): passes of a PASS_NUMERIQUE programme that its
 * funder allocates to a social structure, which hands the booklet over to a person, or to the
 * bearer. Its passes are the vouchers of one issuance batch of its own; they are bearer vouchers
 * and are refused at the counter until the booklet is handed over. The handover is taken once, by a
 * conditional update of this row (see {@code Booklets}).
 */
@Entity
@Table(name = "booklet")
@NamedQuery(
    name = "Booklet.findOfStructure",
    query = "select b from Booklet b where b.structureId = :structure order by b.id desc")
@NamedQuery(
    name = "Booklet.findOneOfStructure",
    query = "select b from Booklet b where b.id = :id and b.structureId = :structure")
public class Booklet {

  /** The most passes a booklet holds (APTIC booklets hold 10 or 20). */
  public static final int MAX_PASSES = 50;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "programme_id", nullable = false, updatable = false)
  private long programmeId;

  @Column(name = "batch_id", nullable = false, updatable = false)
  private long batchId;

  @Column(name = "structure_id", nullable = false, updatable = false)
  private long structureId;

  @Column(name = "pass_count", nullable = false, updatable = false)
  private int passCount;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "created_by", updatable = false)
  private String createdBy;

  @Column(name = "handed_over_at", insertable = false, updatable = false)
  private LocalDateTime handedOverAt;

  @Column(name = "handed_over_by", insertable = false, updatable = false)
  private String handedOverBy;

  @Column(name = "beneficiary_ref", insertable = false, updatable = false)
  private String beneficiaryRef;

  protected Booklet() {}

  public Booklet(
      long programmeId,
      long batchId,
      long structureId,
      int passCount,
      String createdBy,
      LocalDateTime createdAt) {
    if (passCount < 1 || passCount > MAX_PASSES) {
      throw new IllegalArgumentException("A booklet holds 1 to " + MAX_PASSES + " passes");
    }
    this.programmeId = programmeId;
    this.batchId = batchId;
    this.structureId = structureId;
    this.passCount = passCount;
    this.createdBy = createdBy;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long id() {
    return id;
  }

  public long programmeId() {
    return programmeId;
  }

  public long batchId() {
    return batchId;
  }

  public long structureId() {
    return structureId;
  }

  public int passCount() {
    return passCount;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime handedOverAt() {
    return handedOverAt;
  }

  public boolean isHandedOver() {
    return handedOverAt != null;
  }

  public String beneficiaryRef() {
    return beneficiaryRef;
  }
}
