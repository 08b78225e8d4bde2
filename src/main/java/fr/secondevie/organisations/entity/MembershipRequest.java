package fr.secondevie.organisations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An organisation's request to join a territory's chain, asked on the public page and decided by
 * that territory's coordination: approved (the organisation and its first account are created) or
 * refused with a reason the coordination keeps. The territory is the one whose departments hold the
 * request's postal code.
 */
@Entity
@Table(name = "membership_request")
@NamedQuery(
    name = "MembershipRequest.findOfTerritory",
    query =
        "select r from MembershipRequest r where r.territoryId = :territory"
            + " order by r.requestedAt desc, r.id desc")
@NamedQuery(
    name = "MembershipRequest.findInTerritory",
    query = "select r from MembershipRequest r where r.id = :id and r.territoryId = :territory")
@NamedQuery(
    name = "MembershipRequest.countPendingSiren",
    query =
        "select count(r) from MembershipRequest r where r.territoryId = :territory"
            + " and r.pendingSiren = :siren")
public class MembershipRequest {

  /** Where a request stands. */
  public enum Status {
    PENDING,
    APPROVED,
    REFUSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrganisationKind kind;

  @Column(nullable = false)
  private String name;

  private String siren;
  private String address;

  @Column(name = "postal_code", nullable = false)
  private String postalCode;

  @Column(nullable = false)
  private String city;

  @Column(name = "contact_name", nullable = false)
  private String contactName;

  @Column(name = "contact_email", nullable = false)
  private String contactEmail;

  @Column(name = "public_body", nullable = false)
  private boolean publicBody;

  @Column(name = "territory_id", nullable = false)
  private Long territoryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "pending_siren")
  private String pendingSiren;

  @Column(name = "requested_at", nullable = false)
  private LocalDateTime requestedAt;

  @Column(name = "decided_at")
  private LocalDateTime decidedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "refusal_reason")
  private String refusalReason;

  @Column(name = "organisation_id")
  private Long organisationId;

  protected MembershipRequest() {}

  public MembershipRequest(
      OrganisationKind kind,
      String name,
      String siren,
      String address,
      String postalCode,
      String city,
      String contactName,
      String contactEmail,
      boolean publicBody,
      Territory territory,
      LocalDateTime requestedAt) {
    if (kind == null || kind == OrganisationKind.COORDINATION) {
      throw new IllegalArgumentException("A coordination does not join: the national one names it");
    }
    this.kind = kind;
    this.name = required(name, "name");
    this.siren = siren;
    this.address = address;
    this.postalCode = required(postalCode, "postalCode");
    this.city = required(city, "city");
    this.contactName = required(contactName, "contactName");
    this.contactEmail = required(contactEmail, "contactEmail");
    this.publicBody = publicBody;
    this.territoryId = Objects.requireNonNull(territory.id());
    this.status = Status.PENDING;
    this.pendingSiren = siren;
    this.requestedAt = requestedAt;
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.strip();
  }

  public Long id() {
    return id;
  }

  public OrganisationKind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String siren() {
    return siren;
  }

  public String address() {
    return address;
  }

  public String postalCode() {
    return postalCode;
  }

  public String city() {
    return city;
  }

  public String contactName() {
    return contactName;
  }

  public String contactEmail() {
    return contactEmail;
  }

  public boolean publicBody() {
    return publicBody;
  }

  public Long territoryId() {
    return territoryId;
  }

  public Status status() {
    return status;
  }

  public LocalDateTime requestedAt() {
    return requestedAt;
  }

  public LocalDateTime decidedAt() {
    return decidedAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public String refusalReason() {
    return refusalReason;
  }

  public Long organisationId() {
    return organisationId;
  }
}
