package fr.secondevie.receipts.control;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationStatus;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.BusinessMetrics;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.NumberSeries;
import fr.secondevie.platform.control.SpreadsheetCsv;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.receipts.entity.ReceiptAudit;
import fr.secondevie.receipts.entity.TaxReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * Issuing tax receipts is deliberate (an admin of the receiving organisation, one donation at a
 * time), audited, and never duplicated: the donation's row is locked while its receipts are
 * checked, so two clicks cannot issue two receipts for one gift.
 */
@ApplicationScoped
public class TaxReceipts {

  /** The yearly totals of CGI art. 222 bis, of one issuer. */
  public record Summary(
      int year,
      Organisation issuer,
      long issuedCount,
      long issuedAmountCents,
      long cancelledCount) {}

  @PersistenceContext EntityManager em;
  @Inject NumberSeries numbers;
  @Inject BusinessMetrics metrics;
  @Inject ReceiptRenderer renderer;
  @Inject Directory directory;
  @Inject Territories territories;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  @Transactional
  public TaxReceipt issue(long donationId) {
    return issueAs(donationId, caller.organisationId(), caller.username());
  }

  /** Issues as the named admin of the issuing organisation (also from a background batch). */
  @Transactional
  public TaxReceipt issueAs(long donationId, long issuerId, String username) {
    Donation donation =
        em.createQuery(
                "select d from Donation d where d.id = :id and d.donor.territoryId ="
                    + " (select o.territoryId from Organisation o where o.id = :issuer)",
                Donation.class)
            .setParameter("id", donationId)
            .setParameter("issuer", issuerId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> BusinessException.notFound("Donation"));
    if (donation.publicOrigin()) {
      throw BusinessException.unprocessable(
          "NOT_ELIGIBLE_FOR_TAX_RECEIPT",
          "A public body's donation gives no right to a tax reduction: its attestation of free"
              + " transfer is at /api/v1/donations/"
              + donationId
              + "/transfer-certificate");
    }
    if (donation.status() != DonationStatus.RECEIVED) {
      throw BusinessException.unprocessable(
          "DONATION_NOT_RECEIVED", "A receipt is issued only once the donation is received");
    }
    List<TaxReceipt> earlier = ofDonation(donationId);
    earlier.stream()
        .filter(r -> r.status() == TaxReceipt.Status.ISSUED)
        .findFirst()
        .ifPresent(
            r -> {
              throw BusinessException.conflict(
                  "RECEIPT_ALREADY_ISSUED", "Receipt " + r.number() + " covers this donation");
            });
    String replaces = earlier.stream().findFirst().map(TaxReceipt::number).orElse(null);
    LocalDateTime now = LocalDateTime.now(clock);
    Organisation issuer = directory.getOrganisation(issuerId);
    String series =
        territories
            .find(issuer.territoryId())
            .orElseThrow(() -> new IllegalStateException("An issuer has a territory"))
            .code();
    int sequence = numbers.next(TaxReceipt.SERIES, TaxReceipt.scope(series, now.getYear()));
    String number = TaxReceipt.number(series, now.getYear(), sequence);
    byte[] pdf =
        renderer.render(number, issuer, donation.donor(), donation, now.toLocalDate(), replaces);
    TaxReceipt receipt =
        new TaxReceipt(
            series,
            issuerId,
            now.getYear(),
            sequence,
            donationId,
            donation.donor().id(),
            donation.totalValue(),
            now,
            username,
            replaces,
            pdf,
            sha256(pdf));
    em.persist(receipt);
    audit.recordAs(
        username,
        issuerId,
        ReceiptAudit.TAX_RECEIPT_ISSUED,
        "TaxReceipt",
        number,
        "donation "
            + donationId
            + ", "
            + donation.totalValue()
            + (replaces == null ? "" : ", replaces " + replaces));
    metrics.countAfterCommit("receipts.issued", "Tax receipts issued", 1);
    return receipt;
  }

  @Transactional
  public TaxReceipt cancel(String number, String reason) {
    TaxReceipt receipt =
        em.createNamedQuery("TaxReceipt.oneOfTerritory", TaxReceipt.class)
            .setParameter("number", number)
            .setParameter("territory", caller.territoryId())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> BusinessException.notFound("Tax receipt"));
    try {
      receipt.cancel(reason, caller.username(), LocalDateTime.now(clock));
    } catch (IllegalStateException e) {
      throw BusinessException.conflict("RECEIPT_ALREADY_CANCELLED", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw BusinessException.badRequest("INVALID_INPUT", e.getMessage());
    }
    audit.record(ReceiptAudit.TAX_RECEIPT_CANCELLED, "TaxReceipt", number, reason);
    return receipt;
  }

  /**
   * A receipt the caller may see: the admin its territory's, a donor its own company's (404
   * otherwise).
   */
  public TaxReceipt get(String number) {
    boolean admin = caller.hasRole(Roles.ADMIN);
    return em.createNamedQuery(
            admin ? "TaxReceipt.oneOfTerritory" : "TaxReceipt.oneOfDonor", TaxReceipt.class)
        .setParameter("number", number)
        .setParameter(
            admin ? "territory" : "donor", admin ? caller.territoryId() : caller.organisationId())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Tax receipt"));
  }

  public List<TaxReceipt> list(int year) {
    if (caller.hasRole(Roles.ADMIN)) {
      return em.createNamedQuery("TaxReceipt.ofTerritory", TaxReceipt.class)
          .setParameter("year", year)
          .setParameter("territory", caller.territoryId())
          .getResultList();
    }
    return em.createNamedQuery("TaxReceipt.ofDonor", TaxReceipt.class)
        .setParameter("donor", caller.organisationId())
        .setParameter("year", year)
        .getResultList();
  }

  public Summary summary(int year) {
    long issued = 0;
    long amount = 0;
    long cancelled = 0;
    for (Object[] row :
        em.createNamedQuery("TaxReceipt.summary", Object[].class)
            .setParameter("year", year)
            .setParameter("issuer", caller.organisationId())
            .getResultList()) {
      if (row[0] == TaxReceipt.Status.ISSUED) {
        issued = ((Number) row[1]).longValue();
        amount = ((Number) row[2]).longValue();
      } else {
        cancelled = ((Number) row[1]).longValue();
      }
    }
    return new Summary(
        year, directory.getOrganisation(caller.organisationId()), issued, amount, cancelled);
  }

  /**
   * The identifiers of every received donation of the admin's territory that has no receipt in
   * force, oldest first.
   */
  public List<Long> idsWaitingForReceipt() {
    return waiting("select d.id from Donation d", " order by d.receivedAt, d.id", Long.class)
        .getResultList();
  }

  /** How many received donations have no receipt in force. */
  public long countWaitingForReceipt() {
    return waiting("select count(d) from Donation d", "", Long.class).getSingleResult();
  }

  /** The most donations a page lists at once; the batch issues them all. */
  public static final int WAITING_SHOWN = 200;

  /**
   * The oldest received donations that have no receipt in force, at most {@link #WAITING_SHOWN}
   * (the page says how many more there are: {@link #countWaitingForReceipt()}).
   */
  public List<Donation> donationsWaitingForReceipt() {
    return waiting(
            "select d from Donation d join fetch d.donor", " order by d.receivedAt", Donation.class)
        .setMaxResults(WAITING_SHOWN)
        .getResultList();
  }

  /** A query over the received donations that have no receipt in force. */
  private <T> TypedQuery<T> waiting(String select, String order, Class<T> type) {
    return em.createQuery(
            select
                + " where d.status = :received and d.donor.territoryId = :territory"
                + " and d.publicOrigin = false and not exists"
                + " (select r from TaxReceipt r where r.donationId = d.id and r.status = :issued)"
                + order,
            type)
        .setParameter("received", DonationStatus.RECEIVED)
        .setParameter("territory", caller.territoryId())
        .setParameter("issued", TaxReceipt.Status.ISSUED);
  }

  /** The year's receipts as CSV lines for the accountant, amounts in euros with a comma. */
  public void writeCsv(int year, java.io.Writer out) throws java.io.IOException {
    out.write(
        "numero;date_emission;donation;entreprise_siren;montant_eur;statut;remplace;motif_annulation\r\n");
    for (TaxReceipt r : list(year)) {
      var donor = directory.getOrganisation(r.donorId());
      out.write(
          String.join(
                  ";",
                  r.number(),
                  r.issuedAt().toLocalDate().toString(),
                  Long.toString(r.donationId()),
                  csv(donor.siren()),
                  r.amount().toEuros().toPlainString().replace('.', ','),
                  r.status().name(),
                  csv(r.replacesNumber()),
                  csv(r.cancellationReason()))
              + "\r\n");
    }
  }

  /**
   * The year's receipts for a French spreadsheet (the coordination's page download): French
   * headers, the company by its name, statuses in words, euros with a comma, then the year's totals
   * as on the page ({@link SpreadsheetCsv}).
   */
  public void writeSheet(int year, java.io.OutputStream out) {
    try (SpreadsheetCsv.Sheet sheet =
        SpreadsheetCsv.open(
            out,
            List.of(
                "Numéro du reçu",
                "Émis le",
                "Don n°",
                "Entreprise",
                "SIREN",
                "Montant (€)",
                "État",
                "Remplace le reçu",
                "Motif d'annulation"))) {
      for (TaxReceipt r : list(year)) {
        var donor = directory.getOrganisation(r.donorId());
        sheet.row(
            List.of(
                r.number(),
                SpreadsheetCsv.day(r.issuedAt()),
                Long.toString(r.donationId()),
                donor.name(),
                donor.siren() == null ? "" : donor.siren(),
                SpreadsheetCsv.euros(r.amount().cents()),
                DocumentFrench.label("receipts.status." + r.status().name()),
                r.replacesNumber() == null ? "" : r.replacesNumber(),
                r.cancellationReason() == null ? "" : r.cancellationReason()));
      }
      Summary summary = summary(year);
      sheet.row(List.of());
      sheet.row(
          List.of(
              "Reçus émis en " + year,
              Long.toString(summary.issuedCount()),
              "",
              "",
              "",
              SpreadsheetCsv.euros(summary.issuedAmountCents())));
      sheet.row(List.of("Reçus annulés", Long.toString(summary.cancelledCount())));
    }
  }

  /**
   * A cell of the machine CSV: quoted when it holds the separator, a quote or a line break; a value
   * a spreadsheet would run as a formula (a cancellation's reason typed as {@code =HYPERLINK(...)})
   * starts with a quote, as in the people's CSVs.
   */
  static String csv(String value) {
    if (value == null) {
      return "";
    }
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    return value.contains(";") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  private List<TaxReceipt> ofDonation(long donationId) {
    return em.createNamedQuery("TaxReceipt.ofDonation", TaxReceipt.class)
        .setParameter("donation", donationId)
        .getResultList();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
