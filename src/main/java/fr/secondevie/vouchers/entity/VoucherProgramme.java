package fr.secondevie.vouchers.entity;

import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A voucher scheme an authority funds: what its vouchers pay for ({@link VoucherKind}), their face
 * value, the validity window plus a tolerance (a pass numérique valid to 31 December is still taken
 * during January), whether each voucher is bound to one beneficiary, and the territory (postal-code
 * prefixes of the beneficiary's address).
 */
@Entity
@Table(name = "voucher_programme")
@NamedQuery(
    name = "VoucherProgramme.findAll",
    query = "select p from VoucherProgramme p order by p.id")
@NamedQuery(
    name = "VoucherProgramme.findByAuthority",
    query = "select p from VoucherProgramme p where p.authorityId = :authority order by p.id")
@NamedQuery(
    name = "VoucherProgramme.findOfTerritory",
    query =
        "select p from VoucherProgramme p where p.authorityId in"
            + " (select o.id from Organisation o where o.territoryId = :territory) order by p.id")
@NamedQuery(
    name = "VoucherProgramme.findOneOfTerritory",
    query =
        "select p from VoucherProgramme p where p.id = :id and p.authorityId in"
            + " (select o.id from Organisation o where o.territoryId = :territory)")
@NamedQuery(
    name = "VoucherProgramme.findOwn",
    query = "select p from VoucherProgramme p where p.id = :id and p.authorityId = :authority")
@NamedQuery(
    name = "VoucherProgramme.findEndedBefore",
    query = "select p from VoucherProgramme p where p.validUntil < :day")
public class VoucherProgramme {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "authority_id", nullable = false, updatable = false)
  private long authorityId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private VoucherKind kind;

  @Column(name = "face_value_cents", nullable = false, updatable = false)
  private Money faceValue;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_until", nullable = false)
  private LocalDate validUntil;

  @Column(name = "tolerance_days", nullable = false)
  private int toleranceDays;

  @Column(nullable = false, updatable = false)
  private boolean nominative;

  @Column(name = "postal_code_prefixes", nullable = false)
  private String postalCodePrefixes;

  private String conditions;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "service_code")
  private String serviceCode;

  @Column(name = "commitment_number")
  private String commitmentNumber;

  protected VoucherProgramme() {}

  public VoucherProgramme(
      long authorityId,
      String name,
      VoucherKind kind,
      Money faceValue,
      LocalDate validFrom,
      LocalDate validUntil,
      int toleranceDays,
      boolean nominative,
      List<String> postalCodePrefixes,
      String conditions,
      LocalDateTime createdAt) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A programme has a name");
    }
    if (faceValue == null || faceValue.cents() <= 0) {
      throw new IllegalArgumentException("A voucher is worth more than nothing");
    }
    if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException("The validity ends on or after it starts");
    }
    if (toleranceDays < 0) {
      throw new IllegalArgumentException("The tolerance is zero days or more");
    }
    for (String prefix : postalCodePrefixes) {
      if (!prefix.matches("\\d{1,5}")) {
        throw new IllegalArgumentException("A postal-code prefix is one to five digits");
      }
    }
    this.authorityId = authorityId;
    this.name = name.trim();
    this.kind = Objects.requireNonNull(kind);
    this.faceValue = faceValue;
    this.validFrom = validFrom;
    this.validUntil = validUntil;
    this.toleranceDays = toleranceDays;
    this.nominative = nominative;
    this.postalCodePrefixes = String.join(",", postalCodePrefixes);
    this.conditions = conditions;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /**
   * What Chorus Pro asks of the invoices that this programme pays: the code of the funder's service
   * that receives them (BT-10) and the legal commitment number (engagement juridique, BT-13); blank
   * is none. Invoices already issued keep the references they were issued with.
   */
  public VoucherProgramme invoicedThrough(String serviceCode, String commitmentNumber) {
    String service = blankIsNone(serviceCode);
    String commitment = blankIsNone(commitmentNumber);
    if (service != null && (service.length() > 100 || !service.matches("[\\p{L}\\p{N} ._/-]+"))) {
      throw new IllegalArgumentException(
          "A service code is at most 100 letters, digits, spaces and . _ / -");
    }
    if (commitment != null
        && (commitment.length() > 50 || !commitment.matches("[\\p{L}\\p{N} ._/-]+"))) {
      throw new IllegalArgumentException(
          "A commitment number is at most 50 letters, digits, spaces and . _ / -");
    }
    this.serviceCode = service;
    this.commitmentNumber = commitment;
    return this;
  }

  private static String blankIsNone(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String serviceCode() {
    return serviceCode;
  }

  public String commitmentNumber() {
    return commitmentNumber;
  }

  /** The last day a voucher is still taken: end of validity plus the tolerance. */
  public LocalDate lastDayAccepted() {
    return validUntil.plusDays(toleranceDays);
  }

  /** The day its unused vouchers become EXPIRED. */
  public LocalDate expiryDay() {
    return lastDayAccepted().plusDays(1);
  }

  public boolean isExpiredOn(LocalDate day) {
    return day.isAfter(lastDayAccepted());
  }

  public boolean hasStartedOn(LocalDate day) {
    return !day.isBefore(validFrom);
  }

  /** True when a beneficiary living at this postal code is in the territory (none = anywhere). */
  public boolean coversPostalCode(String postalCode) {
    List<String> prefixes = prefixes();
    return prefixes.isEmpty()
        || (postalCode != null && prefixes.stream().anyMatch(postalCode::startsWith));
  }

  public List<String> prefixes() {
    return postalCodePrefixes.isBlank()
        ? List.of()
        : Arrays.stream(postalCodePrefixes.split(",")).toList();
  }

  public Long id() {
    return id;
  }

  public long authorityId() {
    return authorityId;
  }

  public String name() {
    return name;
  }

  public VoucherKind kind() {
    return kind;
  }

  public Money faceValue() {
    return faceValue;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validUntil() {
    return validUntil;
  }

  public int toleranceDays() {
    return toleranceDays;
  }

  public boolean nominative() {
    return nominative;
  }

  public String conditions() {
    return conditions;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }
}
