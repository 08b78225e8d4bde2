package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.control.PdfTable;
import fr.secondevie.platform.entity.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.mustangproject.IncludedNote;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA1;

/**
 * The relay's invoice to the funder for an agreed statement, as a Factur-X document: a PDF/A-3 that
 * a person reads, carrying {@code factur-x.xml}, the same invoice as a Cross Industry Invoice
 * (profile EN 16931) that Chorus Pro and accounting software read. Built with Mustang (the library
 * behind most Factur-X / ZUGFeRD tools) on the project's PDFBox: the visible page is drawn by
 * {@link PdfDocument#archival}, then Mustang writes the XML, embeds it and declares the PDF/A-3
 * metadata.
 *
 * <p><b>VAT.</b> What the funder pays the relay is the value of the vouchers its beneficiaries
 * spent: the settlement of a multi-purpose voucher (bon à usages multiples, CGI art. 256 ter and
 * Directive 2016/1065). The supply it pays for is the sale to the beneficiary, whose VAT (if any:
 * many relays are associations outside VAT) is accounted for on that sale, at its full price,
 * voucher share included. The settlement itself is no supply to the funder: the invoice is <i>not
 * subject to VAT</i>, category {@code O} with the reason code {@code VATEX-EU-O} and its text, no
 * VAT rate, no VAT due — charging VAT here would tax the same sale twice. (The rules of EN 16931
 * for category O also forbid a seller VAT number on such an invoice: the relay is named by its
 * SIRET.)
 */
public final class FacturX {

  /** The UN/CEFACT code of "not subject to VAT" and the reason code EN 16931 asks with it. */
  static final String NOT_SUBJECT = "O";

  static final String NOT_SUBJECT_REASON_CODE = "VATEX-EU-O";
  static final String NOT_SUBJECT_REASON =
      "Non soumis à la TVA : règlement de bons à usages multiples (CGI art. 256 ter) ; la TVA"
          + " éventuelle est due sur les ventes aux bénéficiaires";

  /** ISO 6523 ICD of the French SIRET (an establishment) and of the SIREN (a legal person). */
  static final String SIRET_SCHEME = "0009";

  static final String SIREN_SCHEME = "0002";

  /** The mentions French invoices carry (code de commerce L441-9, commande publique L2192-13). */
  static final String NO_DISCOUNT = "Pas d'escompte pour paiement anticipé.";

  static final String LATE_INTEREST =
      "En cas de retard de paiement, intérêts moratoires au taux de la Banque centrale européenne"
          + " majoré de huit points (code de la commande publique, art. R2192-31).";
  static final String RECOVERY_FEE =
      "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €"
          + " (code de la commande publique, art. L2192-13 et D2192-35).";

  /** The payment period of French public buyers (code de la commande publique, R2192-10). */
  static final int PAYMENT_DAYS = 30;

  private static final Locale FR = Locale.FRANCE;

  /** An organisation as an invoice names it. */
  public record Party(String name, String siret, String address, String postalCode, String city) {}

  /**
   * What the invoice says: its number and day, seller and buyer, the funder's Chorus Pro references
   * (either may be null), the programme and statement it invoices, and the statement's redemptions
   * and reversals (the devices returned that month), whose difference is the total.
   */
  public record Content(
      String number,
      LocalDateTime issuedAt,
      Party seller,
      Party buyer,
      String serviceCode,
      String commitmentNumber,
      String programmeName,
      long statementId,
      YearMonth period,
      int redemptions,
      Money redeemed,
      int reversals,
      Money reversed) {

    public Money total() {
      return redeemed.minus(reversed);
    }

    public LocalDate issued() {
      return issuedAt.toLocalDate();
    }

    public LocalDate due() {
      return issued().plusDays(PAYMENT_DAYS);
    }
  }

  private FacturX() {}

  /** The Factur-X PDF of the invoice. */
  public static byte[] render(Content c) {
    byte[] visible = visible(c);
    try (IZUGFeRDExporter exporter =
        new ZUGFeRDExporterFromA1()
            .setProducer("Seconde Vie")
            .setCreator("Seconde Vie")
            .setProfile(Profiles.getByName("EN16931"))
            .setZUGFeRDVersion(2)
            .ignorePDFAErrors()
            .load(visible)) {
      exporter.setTransaction(invoice(c));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      exporter.export(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The Factur-X invoice " + c.number() + " failed", e);
    }
  }

  /** The invoice as Mustang writes it to the Cross Industry Invoice. */
  static Invoice invoice(Content c) {
    Invoice invoice =
        new Invoice()
            .setNumber(c.number())
            .setIssueDate(date(c.issued()))
            .setDueDate(date(c.due()))
            .setDeliveryDate(date(c.period().atEndOfMonth()))
            .setDetailedDeliveryPeriod(date(c.period().atDay(1)), date(c.period().atEndOfMonth()))
            .setCurrency("EUR")
            .setSender(party(c.seller()))
            .setRecipient(party(c.buyer()))
            .setSellerOrderReferencedDocumentID("RELEVE-" + c.statementId())
            .setPaymentTermDescription(
                "Paiement à " + PAYMENT_DAYS + " jours, au plus tard le " + day(c.due()))
            .addNotes(
                List.of(
                    IncludedNote.generalNote(subject(c)),
                    IncludedNote.taxNote(NOT_SUBJECT_REASON),
                    new IncludedNote(NO_DISCOUNT, SubjectCode.AAB),
                    new IncludedNote(LATE_INTEREST, SubjectCode.PMD),
                    new IncludedNote(RECOVERY_FEE, SubjectCode.PMT)));
    if (c.serviceCode() != null) {
      invoice.setReferenceNumber(c.serviceCode());
    }
    if (c.commitmentNumber() != null) {
      invoice.setBuyerOrderReferencedDocumentID(c.commitmentNumber());
    }
    invoice.addItem(
        new Item(
            product(
                "Bons utilisés au relais",
                c.redemptions()
                    + " bon(s) du programme « "
                    + c.programmeName()
                    + " », "
                    + month(c)),
            decimal(c.redeemed()),
            BigDecimal.ONE));
    if (c.reversals() > 0) {
      invoice.addItem(
          new Item(
              product(
                  "Reprises de bons (appareils rendus)",
                  c.reversals() + " part(s) de bon rendue(s) au financeur, " + month(c)),
              decimal(c.reversed()),
              BigDecimal.ONE.negate()));
    }
    return invoice;
  }

  private static Product product(String name, String description) {
    return new Product(name, description, "C62", BigDecimal.ZERO)
        .setTaxCategoryCode(NOT_SUBJECT)
        .setTaxExemptionReason(NOT_SUBJECT_REASON)
        .setTaxExemptionReasonCode(NOT_SUBJECT_REASON_CODE);
  }

  /**
   * A party as the French rules of the e-invoicing reform name it: its establishment by its SIRET
   * (the party's identifier, BT-29 / BT-46, and its electronic address, BT-34 / BT-49, ICD 0009),
   * the legal person by its SIREN (its legal registration, BT-30 / BT-47, ICD 0002).
   */
  private static TradeParty party(Party p) {
    TradeParty party = new TradeParty(p.name(), p.address(), p.postalCode(), p.city(), "FR");
    party.addGlobalID(new SchemedID(SIRET_SCHEME, p.siret()));
    party.addUriUniversalCommunicationID(new SchemedID(SIRET_SCHEME, p.siret()));
    party.setLegalOrganisation(
        new LegalOrganisation(new SchemedID(SIREN_SCHEME, p.siret().substring(0, 9)), p.name()));
    return party;
  }

  /** The page a person reads: the same invoice, in French. */
  static byte[] visible(Content c) {
    String title = "Facture " + c.number();
    try (PdfDocument pdf = PdfDocument.archival(title)) {
      pdf.createdAt(c.issuedAt().atZone(ClockProducer.BUSINESS_ZONE)).subject(subject(c));
      pdf.heading(title, 18)
          .text("Émise le " + DocumentFrench.day(c.issued()), 10)
          .gap(8)
          .text("Vendeur (le relais)", 9)
          .text(c.seller().name(), 11)
          .text(address(c.seller()), 10)
          .text("SIRET " + c.seller().siret(), 10)
          .gap(8)
          .text("Acheteur (le financeur)", 9)
          .text(c.buyer().name(), 11)
          .text(address(c.buyer()), 10)
          .text("SIRET " + c.buyer().siret(), 10)
          .field("Code service", c.serviceCode() == null ? "—" : c.serviceCode())
          .field("N° d'engagement", c.commitmentNumber() == null ? "—" : c.commitmentNumber())
          .field("Relevé", "n° " + c.statementId() + ", " + month(c))
          .field("Programme", c.programmeName())
          .gap(10);
      PdfTable table =
          pdf.table(10, new float[] {0, 290, 340, 410}, "Désignation", "Qté", "Prix", "Montant");
      table.row(
          "Bons utilisés (" + c.redemptions() + ")",
          "1",
          c.redeemed().format(FR),
          c.redeemed().format(FR));
      if (c.reversals() > 0) {
        table.row(
            "Reprises, appareils rendus (" + c.reversals() + ")",
            "-1",
            c.reversed().format(FR),
            Money.ofCents(-c.reversed().cents()).format(FR));
      }
      pdf.rule()
          .row("Total hors taxes", c.total().format(FR), 11)
          .row("TVA (non soumis)", Money.ofCents(0).format(FR), 11)
          .row("Total à payer", c.total().format(FR), 13)
          .gap(8)
          .text(NOT_SUBJECT_REASON + ".", 9)
          .text(
              "Paiement à "
                  + PAYMENT_DAYS
                  + " jours, au plus tard le "
                  + DocumentFrench.day(c.due())
                  + ". "
                  + NO_DISCOUNT,
              9)
          .text(LATE_INTEREST, 9)
          .text(RECOVERY_FEE, 9)
          .text(
              "Facture électronique Factur-X (profil EN 16931) : le fichier factur-x.xml joint à"
                  + " ce PDF en est la version que lisent Chorus Pro et les logiciels comptables.",
              9);
      return pdf.toBytes();
    }
  }

  private static String subject(Content c) {
    return "Règlement des bons du programme « "
        + c.programmeName()
        + " » utilisés au relais "
        + c.seller().name()
        + ", "
        + month(c)
        + " (relevé n° "
        + c.statementId()
        + ")";
  }

  private static String month(Content c) {
    return c.period().getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH)
        + " "
        + c.period().getYear();
  }

  private static String address(Party p) {
    return String.join(
        " ",
        p.address() == null ? "" : p.address() + ",",
        p.postalCode() == null ? "" : p.postalCode(),
        p.city() == null ? "" : p.city());
  }

  private static String day(LocalDate day) {
    return DocumentFrench.day(day);
  }

  private static BigDecimal decimal(Money money) {
    return BigDecimal.valueOf(money.cents(), 2);
  }

  /**
   * A day as Mustang takes it: a {@link Date} it formats in the JVM's zone, so noon of that day in
   * that zone (a day written in any zone is the same day).
   */
  private static Date date(LocalDate day) {
    return Date.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
  }
}
