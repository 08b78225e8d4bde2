package fr.secondevie.receipts.entity;

import fr.secondevie.platform.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A tax receipt as issued: its number, the donation and donor it certifies, the amount (the value
 * the donor determined), and the PDF exactly as handed out, with its SHA-256. Nothing of it changes
 * after issuing but its cancellation, which keeps the number and says why.
 */
@Entity
@Table(name = "tax_receipt")
@NamedQuery(
    name = "TaxReceipt.ofDonation",
    query = "select r from TaxReceipt r where r.donationId = :donation order by r.issuedAt desc")
@NamedQuery(
    name = "TaxReceipt.ofTerritory",
    query =
        "select r from TaxReceipt r where r.year = :year and r.donorId in"
            + " (select o.id from Organisation o where o.territoryId = :territory)"
            + " order by r.sequence")
@NamedQuery(
    name = "TaxReceipt.oneOfTerritory",
    query =
        "select r from TaxReceipt r where r.number = :number and r.donorId in"
            + " (select o.id from Organisation o where o.territoryId = :territory)")
@NamedQuery(
    name = "TaxReceipt.oneOfDonor",
    query = "select r from TaxReceipt r where r.number = :number and r.donorId = :donor")
@NamedQuery(
    name = "TaxReceipt.ofDonor",
    query =
        "select r from TaxReceipt r where r.donorId = :donor and r.year = :year"
            + " order by r.sequence")
@NamedQuery(
    name = "TaxReceipt.summary",
    query =
        "select r.status, count(r), sum(r.amountCents) from TaxReceipt r where r.year = :year"
            + " and r.issuerId = :issuer group by r.status")
public class TaxReceipt {

  /** Issued, or cancelled (the number stays taken). */
  public enum Status {
    ISSUED,
    CANCELLED
  }

  @Id private String number;

  /**
   * The issuing territory's code ({@code HDF}); empty for the receipts issued before territories.
   */
  @Column(nullable = false, updatable = false)
  private String series;

  @Column(name = "issuer_id", updatable = false)
  private Long issuerId;

  @Column(name = "receipt_year", nullable = false, updatable = false)
  private int year;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private int sequence;

  @Column(name = "donation_id", nullable = false, updatable = false)
  private long donationId;

  @Column(name = "donor_id", nullable = false, updatable = false)
  private long donorId;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private long amountCents;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private LocalDateTime issuedAt;

  @Column(name = "issued_by", nullable = false, updatable = false)
  private String issuedBy;

  @Column(nullable = false, updatable = false)
  private byte[] pdf;

  @Column(name = "pdf_sha256", nullable = false, updatable = false)
  private String pdfSha256;

  @Column(name = "cancelled_at")
  private LocalDateTime cancelledAt;

  @Column(name = "cancelled_by")
  private String cancelledBy;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @Column(name = "replaces_number", updatable = false)
  private String replacesNumber;

  protected TaxReceipt() {}

  public TaxReceipt(
      String series,
      long issuerId,
      int year,
      int sequence,
      long donationId,
      long donorId,
      Money amount,
      LocalDateTime issuedAt,
      String issuedBy,
      String replacesNumber,
      byte[] pdf,
      String pdfSha256) {
    this.number = number(series, year, sequence);
    this.series = series;
    this.issuerId = issuerId;
    this.year = year;
    this.sequence = sequence;
    this.donationId = donationId;
    this.donorId = donorId;
    this.amountCents = amount.cents();
    this.status = Status.ISSUED;
    this.issuedAt = issuedAt;
    this.issuedBy = issuedBy;
    this.replacesNumber = replacesNumber;
    this.pdf = Objects.requireNonNull(pdf);
    this.pdfSha256 = Objects.requireNonNull(pdfSha256);
  }

  /**
   * The receipt order number: the issuing territory's code, the year and six digits, {@code
   * HDF-2026-000001} ({@code 2026-000001} in the series before territories).
   */
  /**
   * The series of the receipts' numbers, counted per issuing territory and year: the scope is the
   * number without its sequence, {@code HDF-2026} ({@code 2026} for the receipts before V110).
   */
  public static final String SERIES = "tax_receipt";

  public static String scope(String series, int year) {
    return (series.isEmpty() ? "" : series + "-") + String.format("%04d", year);
  }

  public static String number(String series, int year, int sequence) {
    if (sequence < 1 || sequence > 999_999) {
      throw new IllegalArgumentException("A receipt sequence is 1 to 999999");
    }
    return (series.isEmpty() ? "" : series + "-") + String.format("%04d-%06d", year, sequence);
  }

  public void cancel(String reason, String by, LocalDateTime at) {
    if (status == Status.CANCELLED) {
      throw new IllegalStateException("This receipt is already cancelled");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A cancellation gives its reason");
    }
    status = Status.CANCELLED;
    cancellationReason = reason.trim();
    cancelledBy = by;
    cancelledAt = at;
  }

  public String number() {
    return number;
  }

  public String series() {
    return series;
  }

  /** The coordination that issued it. */
  public Long issuerId() {
    return issuerId;
  }

  public int year() {
    return year;
  }

  public int sequence() {
    return sequence;
  }

  public long donationId() {
    return donationId;
  }

  public long donorId() {
    return donorId;
  }

  public Money amount() {
    return Money.ofCents(amountCents);
  }

  public Status status() {
    return status;
  }

  public LocalDateTime issuedAt() {
    return issuedAt;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public byte[] pdf() {
    return pdf.clone();
  }

  public String pdfSha256() {
    return pdfSha256;
  }

  public LocalDateTime cancelledAt() {
    return cancelledAt;
  }

  public String cancellationReason() {
    return cancellationReason;
  }

  public String replacesNumber() {
    return replacesNumber;
  }
}
