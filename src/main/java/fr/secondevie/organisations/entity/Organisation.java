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
 * A member of the chain. A company or an authority may be a <em>public body</em>: devices it
 * donates fall under the legal resale price caps (decree of 7 Nov 2022). A relay also has an
 * address and opening hours that the public catalogue shows.
 */
@Entity
@Table(name = "organisation")
@NamedQuery(
    name = "Organisation.findAll",
    query = "select o from Organisation o order by o.kind, o.name")
@NamedQuery(
    name = "Organisation.findByKind",
    query = "select o from Organisation o where o.kind = :kind order by o.name")
public class Organisation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrganisationKind kind;

  @Column(name = "public_body", nullable = false)
  private boolean publicBody;

  private String siren;
  private String rna;

  @Column(name = "legal_form")
  private String legalForm;

  private String object;
  private String address;

  @Column(name = "postal_code")
  private String postalCode;

  private String city;

  @Column(name = "opening_hours")
  private String openingHours;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  protected Organisation() {}

  public Organisation(String name, OrganisationKind kind, LocalDateTime createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An organisation has a name");
    }
    this.name = name.trim();
    this.kind = Objects.requireNonNull(kind);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Legal identity, as a tax receipt needs it. SIREN is nine digits, RNA "W" and nine digits. */
  public Organisation identifiedBy(String siren, String rna, String legalForm, String object) {
    if (siren != null && !siren.matches("\\d{9}")) {
      throw new IllegalArgumentException("A SIREN is nine digits");
    }
    if (rna != null && !rna.matches("W\\d{9}")) {
      throw new IllegalArgumentException("An RNA number is W followed by nine digits");
    }
    this.siren = siren;
    this.rna = rna;
    this.legalForm = legalForm;
    this.object = object;
    return this;
  }

  public Organisation locatedAt(String address, String postalCode, String city) {
    this.address = address;
    this.postalCode = postalCode;
    this.city = city;
    return this;
  }

  public Organisation openAt(String openingHours) {
    this.openingHours = openingHours;
    return this;
  }

  public Organisation asPublicBody() {
    if (kind != OrganisationKind.COMPANY && kind != OrganisationKind.AUTHORITY) {
      throw new IllegalStateException("Only a company or an authority may be a public body");
    }
    this.publicBody = true;
    return this;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public OrganisationKind kind() {
    return kind;
  }

  public boolean publicBody() {
    return publicBody;
  }

  public String siren() {
    return siren;
  }

  public String rna() {
    return rna;
  }

  public String legalForm() {
    return legalForm;
  }

  public String object() {
    return object;
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

  public String openingHours() {
    return openingHours;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }
}
