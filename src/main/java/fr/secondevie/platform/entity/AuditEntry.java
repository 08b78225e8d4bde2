package fr.secondevie.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One line of the append-only audit trail: who (user and organisation) did what to which record,
 * and when. Written in the same transaction as the act it records, never updated or deleted.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = "AuditEntry.findByRecord",
    query =
        "select a from AuditEntry a where a.recordType = :type and a.recordId = :id"
            + " order by a.occurredAt, a.id")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private LocalDateTime occurredAt;

  @Column(updatable = false)
  private String username;

  @Column(name = "organisation_id", updatable = false)
  private Long organisationId;

  /** The territory of the act (the caller's, or the one a public request was addressed to). */
  @Column(name = "territory_id", updatable = false)
  private Long territoryId;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "record_type", updatable = false)
  private String recordType;

  @Column(name = "record_id", updatable = false)
  private String recordId;

  @Column(updatable = false)
  private String details;

  protected AuditEntry() {}

  public AuditEntry(
      LocalDateTime occurredAt,
      String username,
      Long organisationId,
      String action,
      String recordType,
      String recordId,
      String details) {
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("An audit entry names its action");
    }
    this.occurredAt = occurredAt;
    this.username = username;
    this.organisationId = organisationId;
    this.action = action;
    this.recordType = recordType;
    this.recordId = recordId;
    this.details =
        details == null || details.length() <= 2000 ? details : details.substring(0, 2000);
  }

  public Long id() {
    return id;
  }

  public LocalDateTime occurredAt() {
    return occurredAt;
  }

  public String username() {
    return username;
  }

  public Long organisationId() {
    return organisationId;
  }

  public Long territoryId() {
    return territoryId;
  }

  /** The same entry placed in a territory: written once, before it is stored. */
  public AuditEntry inTerritory(Long territoryId) {
    if (id != null) {
      throw new IllegalStateException("An audit entry is never changed once written");
    }
    this.territoryId = territoryId;
    return this;
  }

  public String action() {
    return action;
  }

  public String recordType() {
    return recordType;
  }

  public String recordId() {
    return recordId;
  }

  public String details() {
    return details;
  }
}
