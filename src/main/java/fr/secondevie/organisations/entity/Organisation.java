package fr.secondevie.organisations.entity;

import fr.secondevie.platform.entity.DeviceCategory;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member of the chain. A company or an authority may be a <em>public body</em>: devices it
 * donates fall under the legal resale price caps (decree of 7 Nov 2022). A relay also has an
 * address and opening hours that the public catalogue shows. Every organisation belongs to one
 * territory. A refurbisher has a workshop profile: the categories it accepts and how many devices
 * it takes in a month, by which pledged lots are routed to it.
 */
@Entity
@Table(name = "organisation")
@NamedQuery(
    name = "Organisation.findAll",
    query = "select o from Organisation o order by o.kind, o.name")
@NamedQuery(
    name = "Organisation.findByKind",
    query = "select o from Organisation o where o.kind = :kind order by o.name")
@NamedQuery(
    name = "Organisation.findAllOfTerritory",
    query = "select o from Organisation o where o.territoryId = :territory order by o.kind, o.name")
@NamedQuery(
    name = "Organisation.findOneOfTerritory",
    query = "select o from Organisation o where o.id = :id and o.territoryId = :territory")
@NamedQuery(
    name = "Organisation.findByKindInTerritory",
    query =
        "select o from Organisation o where o.kind = :kind and o.territoryId = :territory"
            + " order by o.name")
@NamedQuery(
    name = "Organisation.countSirenInTerritory",
    query =
        "select count(o) from Organisation o where o.territoryId = :territory and o.siren = :siren")
public class Organisation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  // name and kind never change once created: each instance keeps them (Directory.identity)
  @Column(nullable = false, updatable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private OrganisationKind kind;

  @Column(name = "public_body", nullable = false)
  private boolean publicBody;

  private String siren;
  private String rna;
  private String siret;

  @Column(name = "legal_form")
  private String legalForm;

  private String object;
  private String address;

  @Column(name = "postal_code")
  private String postalCode;

  private String city;

  @Column(name = "opening_hours")
  private String openingHours;

  @Column(name = "territory_id", nullable = false)
  private Long territoryId;

  @Column(name = "monthly_capacity")
  private Integer monthlyCapacity;

  @ElementCollection
  @CollectionTable(name = "workshop_category", joinColumns = @JoinColumn(name = "organisation_id"))
  @Column(name = "category")
  @Enumerated(EnumType.STRING)
  private Set<DeviceCategory> acceptedCategories = new HashSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  protected Organisation() {}

  public Organisation(String name, OrganisationKind kind, LocalDateTime createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An organisation has a name");
    }
    if ("=+-@\t\r".indexOf(name.strip().charAt(0)) >= 0) {
      // a spreadsheet would run it as a formula in every CSV that names the organisation
      throw new IllegalArgumentException("An organisation's name does not start with = + - @");
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

  /** The territory the organisation belongs to. */
  public Organisation in(Territory territory) {
    this.territoryId = Objects.requireNonNull(territory.id(), "a stored territory");
    return this;
  }

  /**
   * A refurbisher's workshop profile: the categories it accepts (at least one) and the devices it
   * takes in a month ({@code null}: no limit said).
   */
  public Organisation acceptsForWorkshop(
      Collection<DeviceCategory> categories, Integer monthlyCapacity) {
    if (kind != OrganisationKind.REFURBISHER) {
      throw new IllegalStateException("Only a refurbisher has a workshop profile");
    }
    if (categories == null || categories.isEmpty()) {
      throw new IllegalArgumentException("A workshop accepts at least one category");
    }
    if (monthlyCapacity != null && monthlyCapacity < 0) {
      throw new IllegalArgumentException("A monthly capacity is zero or more");
    }
    this.acceptedCategories.clear();
    this.acceptedCategories.addAll(EnumSet.copyOf(categories));
    this.monthlyCapacity = monthlyCapacity;
    return this;
  }

  /**
   * The SIRET of the establishment (14 digits: its SIREN, then the establishment's number), which
   * an invoice names for its seller and its buyer and Chorus Pro routes by. It starts with the
   * organisation's SIREN when that is known.
   */
  public Organisation registeredAs(String siret) {
    if (siret == null || !siret.matches("\\d{14}")) {
      throw new IllegalArgumentException("A SIRET is fourteen digits");
    }
    if (siren != null && !siret.startsWith(siren)) {
      throw new IllegalArgumentException("A SIRET starts with the SIREN " + siren);
    }
    this.siret = siret;
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

  public String siret() {
    return siret;
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

  public Long territoryId() {
    return territoryId;
  }

  public Integer monthlyCapacity() {
    return monthlyCapacity;
  }

  /** The categories a workshop accepts, in their declared order. */
  public Set<DeviceCategory> acceptedCategories() {
    return acceptedCategories.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(acceptedCategories));
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }
}
