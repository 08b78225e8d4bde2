package fr.secondevie.eligibility.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.LocalDateTime;

/**
 * A person a social structure supports, known to the chain only by an opaque identifier (the one
 * the attestation's QR code carries), the structure's own file reference, the household size and
 * the postal code (for voucher territories). No name, no proof: the structure keeps the file.
 * Anonymised after the retention period: only what anonymous statistics need remains.
 */
@Entity
@Table(name = "beneficiary")
@NamedQuery(
    name = "Beneficiary.findOfStructure",
    query = "select b from Beneficiary b where b.id = :id and b.socialStructureId = :structure")
@NamedQuery(
    name = "Beneficiary.findInTerritory",
    query =
        "select b from Beneficiary b where b.id = :id and b.socialStructureId in"
            + " (select o.id from Organisation o where o.territoryId = :territory)")
@NamedQuery(
    name = "Beneficiary.listOfStructure",
    query =
        "select b from Beneficiary b where b.socialStructureId = :structure"
            + " and b.anonymisedAt is null order by b.createdAt desc")
@NamedQuery(
    name = "Beneficiary.findToAnonymiseInTerritory",
    query =
        "select b from Beneficiary b where b.lastContactAt < :before and b.anonymisedAt is null"
            + " and b.socialStructureId in"
            + " (select o.id from Organisation o where o.territoryId = :territory)")
@NamedQuery(
    name = "Beneficiary.findToAnonymise",
    query =
        "select b from Beneficiary b where b.lastContactAt < :before and b.anonymisedAt is null")
public class Beneficiary {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

  @Id private String id;

  @Column(name = "social_structure_id", nullable = false, updatable = false)
  private long socialStructureId;

  @Column(name = "file_reference")
  private String fileReference;

  @Column(name = "household_size")
  private Integer householdSize;

  @Column(name = "postal_code")
  private String postalCode;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "last_contact_at", nullable = false)
  private LocalDateTime lastContactAt;

  @Column(name = "anonymised_at")
  private LocalDateTime anonymisedAt;

  protected Beneficiary() {}

  public Beneficiary(
      long socialStructureId,
      String fileReference,
      int householdSize,
      String postalCode,
      LocalDateTime now) {
    if (fileReference == null || fileReference.isBlank() || fileReference.length() > 60) {
      throw new IllegalArgumentException("A file reference of 1 to 60 characters is required");
    }
    if (householdSize < 1 || householdSize > 20) {
      throw new IllegalArgumentException("A household has 1 to 20 people");
    }
    if (postalCode == null || !postalCode.matches("\\d{5}")) {
      throw new IllegalArgumentException("A postal code is five digits");
    }
    this.id = newId();
    this.socialStructureId = socialStructureId;
    this.fileReference = fileReference.trim();
    this.householdSize = householdSize;
    this.postalCode = postalCode;
    this.createdAt = now;
    this.lastContactAt = now;
  }

  /**
   * An unguessable identifier of 80 bits, in 16 characters without ambiguous ones (no 0/O, 1/I/L),
   * grouped by four on paper: {@code B7KQ-M2XR-9HTP-4WCD}.
   */
  static String newId() {
    StringBuilder id = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }

  /** The identifier as typed or scanned: dashes, spaces and case do not matter. */
  public static String normalise(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase();
  }

  public void contactedAt(LocalDateTime now) {
    if (now.isAfter(lastContactAt)) {
      lastContactAt = now;
    }
  }

  /** Forgets who the person is; keeps the department for anonymous counts. */
  public void anonymise(LocalDateTime now) {
    fileReference = null;
    householdSize = null;
    postalCode = postalCode == null ? null : postalCode.substring(0, 2);
    anonymisedAt = now;
  }

  public String id() {
    return id;
  }

  /** The identifier grouped by four, as printed. */
  public String displayId() {
    return id.replaceAll("(.{4})(?!$)", "$1-");
  }

  public long socialStructureId() {
    return socialStructureId;
  }

  public String fileReference() {
    return fileReference;
  }

  public Integer householdSize() {
    return householdSize;
  }

  public String postalCode() {
    return postalCode;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime lastContactAt() {
    return lastContactAt;
  }

  public LocalDateTime anonymisedAt() {
    return anonymisedAt;
  }

  public boolean isAnonymised() {
    return anonymisedAt != null;
  }
}
