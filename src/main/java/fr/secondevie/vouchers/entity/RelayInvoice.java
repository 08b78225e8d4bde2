package fr.secondevie.vouchers.entity;

import fr.secondevie.platform.entity.Money;
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
 * The invoice a relay addresses to the funder for one agreed statement: issued once (one per
 * statement, a unique key), numbered in the relay's unbroken series ({@code FA-R12-000001}), and
 * kept as issued (its PDF and the PDF's SHA-256), so that every download is the same document and a
 * number, once handed out, always names the same invoice.
 */
@Entity
@Table(name = "relay_invoice")
@NamedQuery(
    name = "RelayInvoice.ofStatement",
    query = "select i from RelayInvoice i where i.statementId = :statement")
@NamedQuery(
    name = "RelayInvoice.numbersOfProgramme",
    query =
        "select i.statementId, i.number, i.issuedAt from RelayInvoice i"
            + " where i.programmeId = :programme")
public class RelayInvoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "statement_id", nullable = false, updatable = false)
  private long statementId;

  @Column(name = "programme_id", nullable = false, updatable = false)
  private long programmeId;

  @Column(name = "relay_id", nullable = false, updatable = false)
  private long relayId;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  private int sequence;

  @Column(nullable = false, updatable = false)
  private String number;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private LocalDateTime issuedAt;

  @Column(name = "issued_by", nullable = false, updatable = false)
  private String issuedBy;

  @Column(name = "amount_cents", nullable = false, updatable = false)
  private Money amount;

  @Column(nullable = false, updatable = false)
  private byte[] pdf;

  @Column(name = "pdf_sha256", nullable = false, updatable = false)
  private String pdfSha256;

  protected RelayInvoice() {}

  public RelayInvoice(
      Statement statement,
      int sequence,
      LocalDateTime issuedAt,
      String issuedBy,
      byte[] pdf,
      String pdfSha256) {
    if (statement.kind() != Statement.Kind.RELAY_PAYMENT
        || statement.status() == Statement.Status.DRAFT) {
      throw new IllegalArgumentException("Only an agreed statement of a relay is invoiced");
    }
    if (statement.amount().cents() <= 0) {
      throw new IllegalArgumentException("An invoice is for an amount due");
    }
    this.statementId = statement.id();
    this.programmeId = statement.programmeId();
    this.relayId = statement.relayId();
    this.sequence = sequence;
    this.number = number(relayId, sequence);
    this.issuedAt = Objects.requireNonNull(issuedAt);
    this.issuedBy = Objects.requireNonNull(issuedBy);
    this.amount = statement.amount();
    this.pdf = Objects.requireNonNull(pdf);
    this.pdfSha256 = Objects.requireNonNull(pdfSha256);
  }

  /** The series of the invoices' numbers, one per relay (its id for scope). */
  public static final String SERIES = "relay_invoice";

  /** The number of the relay's {@code sequence}-th invoice: {@code FA-R12-000001}. */
  public static String number(long relayId, int sequence) {
    return String.format("FA-R%d-%06d", relayId, sequence);
  }

  public Long id() {
    return id;
  }

  public long statementId() {
    return statementId;
  }

  public long programmeId() {
    return programmeId;
  }

  public long relayId() {
    return relayId;
  }

  public int sequence() {
    return sequence;
  }

  public String number() {
    return number;
  }

  public LocalDateTime issuedAt() {
    return issuedAt;
  }

  public String issuedBy() {
    return issuedBy;
  }

  public Money amount() {
    return amount;
  }

  public byte[] pdf() {
    return pdf.clone();
  }

  public String pdfSha256() {
    return pdfSha256;
  }
}
