package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.control.PdfCanvas;
import fr.secondevie.platform.control.PdfDocument;
import fr.secondevie.platform.control.PdfForm;
import fr.secondevie.platform.control.PdfGrid;
import fr.secondevie.platform.control.PdfTable;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.StatementLine;
import fr.secondevie.vouchers.entity.Voucher;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed documents of vouchers: the voucher sheet, eight vouchers to an A4 page to cut out,
 * each with its QR code and readable code, funder, value, validity and conditions; and the monthly
 * statement a funder agrees and pays. The API and the funder's page both download them through
 * {@link #batchSheet} and {@link #statementOf}.
 */
@ApplicationScoped
public class VoucherDocuments {

  private static final Locale FR = Locale.FRANCE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", FR);
  private static final float MARGIN = 28;
  private static final int COLUMNS = 2;
  private static final int ROWS = 4;

  /**
   * The QR code of a voucher: 76 pt from 12 pt below the cell's top and left of its right edge, a
   * quiet zone of 2 modules. Tests read sheets back at 150 to 300 dpi and crop this very square.
   */
  private static final float QR_SIZE = 76;

  private static final float QR_INSET = 12;
  private static final int QR_QUIET_ZONE = 2;
  private static final float LEFT = 14;
  private static final int SHEET_MAX = 1000;

  @Inject Programmes programmes;
  @Inject Issuance issuance;
  @Inject Statements statements;
  @Inject Clock clock;

  /**
   * The sheet of a batch of the caller's own programme: {@code count} vouchers (1 to 1,000) from
   * the {@code first}.
   */
  @Transactional
  public Document batchSheet(long programmeId, long batchId, int first, int count) {
    if (first < 0 || count < 1 || count > SHEET_MAX) {
      throw BusinessException.badRequest(
          "INVALID_INPUT", "first is 0 or more, count 1 to 1000 vouchers per sheet");
    }
    IssuanceBatch batch = issuance.getOwnBatch(programmeId, batchId);
    VoucherProgramme programme = programmes.getOwn(programmeId);
    return new Document(
        "bons-lot-" + batchId + ".pdf",
        sheet(
            programme,
            programmes.funderName(programme),
            issuance.vouchersOf(batch.id(), first, count)));
  }

  /** A statement of a programme the caller sees (its funder, the coordination). */
  @Transactional
  public Document statementOf(long programmeId, long statementId) {
    VoucherProgramme programme = programmes.getVisible(programmeId);
    Statement statement = statements.get(programmeId, statementId);
    return new Document(
        "releve-" + statement.period() + "-" + statementId + ".pdf",
        statement(
            programme,
            programmes.funderName(programme),
            statement,
            statements.relayName(statement),
            statements.lines(statement),
            statement.isProvisionalOn(LocalDate.now(clock))));
  }

  /**
   * The sheet of the given vouchers of a programme. What all the vouchers share (funder, value,
   * validity, conditions, frame) is drawn once as a form reused in every cell; each cell adds only
   * its QR code and its readable code, which keeps a 1,000-voucher sheet fast.
   */
  public byte[] sheet(VoucherProgramme programme, String funderName, List<Voucher> vouchers) {
    try (PdfDocument pdf = new PdfDocument("Bons " + programme.name())) {
      PdfGrid grid = pdf.grid(COLUMNS, ROWS, MARGIN);
      PdfForm common = pdf.form(grid.cellWidth(), grid.cellHeight());
      float codeBaseline = common(common, programme, funderName);
      common.close();
      for (Voucher voucher : vouchers) {
        PdfCanvas cell = grid.next().form(common, 0, 0);
        String code = voucher.groupedCode();
        cell.qrCode(
            code,
            cell.width() - QR_SIZE - QR_INSET,
            cell.height() - QR_INSET - QR_SIZE,
            QR_SIZE,
            QR_QUIET_ZONE);
        cell.text(code, LEFT, codeBaseline, 15);
      }
      return pdf.toBytes();
    }
  }

  /** Draws what every voucher of the programme shows; answers the baseline of the code. */
  private static float common(PdfForm out, VoucherProgramme programme, String funderName) {
    float width = out.width();
    float height = out.height();
    float besideQr = width - QR_SIZE - QR_INSET - LEFT - 16;
    float below = width - 2 * LEFT - 8;
    out.dashedFrame(4, 4, width - 8, height - 8, 0.5f, 3);
    float y = height - 24;
    for (String line : out.wrap(funderName, 8, besideQr, 1)) {
      out.text(line, LEFT, y, 8);
      y -= 13;
    }
    for (String line : out.wrap(programme.name(), 11, besideQr, 2)) {
      out.text(line, LEFT, y, 11);
      y -= 13;
    }
    y -= 10;
    out.text(programme.faceValue().format(FR), LEFT, y, 20);
    y -= 12;
    String pays =
        programme.kind() == VoucherKind.CHEQUE_EQUIPEMENT
            ? "Paie un appareil numérique reconditionné"
            : "Paie un accompagnement au numérique (pas d'appareil)";
    for (String line : out.wrap(pays, 8, besideQr, 2)) {
      out.text(line, LEFT, y, 8);
      y -= 10;
    }
    y = Math.min(y - 2, height - QR_INSET - QR_SIZE - 12);
    out.text("Code du bon", LEFT, y, 8);
    y -= 15;
    float codeBaseline = y;
    y -= 12;
    out.text(
        "Valable du "
            + DAY.format(programme.validFrom())
            + " au "
            + DAY.format(programme.validUntil()),
        LEFT,
        y,
        9);
    if (programme.toleranceDays() > 0) {
      y -= 11;
      out.text("Accepté jusqu'au " + DAY.format(programme.lastDayAccepted()), LEFT, y, 9);
    }
    y -= 10;
    String territory =
        programme.prefixes().isEmpty()
            ? "Tout territoire"
            : "Habitants des codes postaux " + String.join(", ", programme.prefixes()) + "…";
    out.text(territory + (programme.nominative() ? " — bon nominatif" : ""), LEFT, y, 7);
    if (programme.conditions() != null && !programme.conditions().isBlank()) {
      for (String line : out.wrap(programme.conditions(), 7, below, 2)) {
        y -= 9;
        out.text(line, LEFT, y, 7);
      }
    }
    out.text("Utilisable une seule fois. Pas de rendu de monnaie.", LEFT, 12, 7);
    return codeBaseline;
  }

  /** The statement as the funder agrees it and the relay is paid by it. */
  public byte[] statement(
      VoucherProgramme programme,
      String funderName,
      Statement statement,
      String relayName,
      List<StatementLine> lines,
      boolean provisional) {
    boolean credit = statement.kind() == Statement.Kind.FUNDER_CREDIT;
    String title =
        (credit ? "Avoir au financeur — bons expirés non utilisés" : "Relevé mensuel des bons")
            + " — "
            + statement.period();
    try (PdfDocument pdf = new PdfDocument(title)) {
      pdf.heading(title, 16)
          .gap(4)
          .text("Programme : " + programme.name() + " (" + funderName + ")", 10);
      if (!credit) {
        pdf.text("Relais : " + relayName, 10);
      }
      pdf.text(
          "État : "
              + statusLabel(statement.status())
              + (provisional ? " — PROVISOIRE : le mois n’est pas terminé" : ""),
          10);
      if (statement.agreementDate() != null) {
        pdf.text(
            "Validé le "
                + DAY.format(statement.agreementDate())
                + reference(statement.agreementReference()),
            10);
      }
      if (statement.paymentDate() != null) {
        pdf.text(
            (credit ? "Recrédité le " : "Payé le ")
                + DAY.format(statement.paymentDate())
                + reference(statement.paymentReference()),
            10);
      }
      pdf.text(
              statement.itemCount()
                  + " bon(s), total "
                  + statement.amount().format(FR)
                  + (credit ? " à recréditer au financeur" : " à payer au relais"),
              10)
          .gap(10);
      PdfTable table =
          pdf.table(
              9,
              new float[] {0, 150, 260, 340, 420},
              "Code",
              credit ? "Expiré le" : "Utilisé le",
              credit ? "" : "Commande",
              "Valeur",
              "Montant");
      for (StatementLine line : lines) {
        table.row(
            VoucherCode.group(line.voucherCode()),
            DAY.format(line.occurredAt()),
            line.orderId() == null ? "" : line.orderId().toString(),
            line.faceValue().format(FR),
            line.amount().format(FR));
      }
      return pdf.toBytes();
    }
  }

  private static String reference(String reference) {
    return reference == null ? "" : " — référence : " + reference;
  }

  static String statusLabel(Statement.Status status) {
    return Map.of(
            Statement.Status.DRAFT, "brouillon",
            Statement.Status.AGREED, "validé (figé)",
            Statement.Status.PAID, "payé")
        .get(status);
  }
}
