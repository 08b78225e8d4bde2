package fr.secondevie.vouchers.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.StatementLine;
import fr.secondevie.vouchers.entity.Voucher;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The printed documents of vouchers (PDFBox): the voucher sheet, eight vouchers to an A4 page to
 * cut out, each with its QR code and readable code, funder, value, validity and conditions; and the
 * monthly statement a funder agrees and pays.
 */
@ApplicationScoped
public class VoucherDocuments {

  private static final Locale FR = Locale.FRANCE;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", FR);
  private static final float MARGIN = 28;
  private static final int COLUMNS = 2;
  private static final int ROWS = 4;
  private static final float QR_SIZE = 76;
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private volatile byte[] fontBytes;

  /**
   * The sheet of the given vouchers of a programme. What all the vouchers share (funder, value,
   * validity, conditions, frame) is drawn once as a form reused in every cell; each cell adds only
   * its QR code and its readable code, which keeps a 1,000-voucher sheet fast.
   */
  public byte[] sheet(VoucherProgramme programme, String funderName, List<Voucher> vouchers) {
    try (PDDocument document = new PDDocument()) {
      PDFont font = font(document);
      PDRectangle a4 = PDRectangle.A4;
      float cellWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
      float cellHeight = (a4.getHeight() - 2 * MARGIN) / ROWS;
      PDFormXObject common = new PDFormXObject(document);
      common.setBBox(new PDRectangle(cellWidth, cellHeight));
      common.setResources(new PDResources());
      float codeBaseline;
      try (PDFormContentStream out = new PDFormContentStream(common)) {
        codeBaseline = common(out, font, programme, funderName, cellWidth, cellHeight);
      }
      for (int start = 0; start < Math.max(1, vouchers.size()); start += COLUMNS * ROWS) {
        PDPage page = new PDPage(a4);
        document.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(document, page)) {
          for (int i = 0; i < COLUMNS * ROWS && start + i < vouchers.size(); i++) {
            float x = MARGIN + (i % COLUMNS) * cellWidth;
            float bottom = a4.getHeight() - MARGIN - (i / COLUMNS + 1) * cellHeight;
            out.saveGraphicsState();
            out.transform(Matrix.getTranslateInstance(x, bottom));
            out.drawForm(common);
            out.restoreGraphicsState();
            String code = vouchers.get(start + i).groupedCode();
            qr(
                out,
                code,
                x + cellWidth - QR_SIZE - 12,
                bottom + cellHeight - 12 - QR_SIZE,
                QR_SIZE);
            out.beginText();
            out.setFont(font, 15);
            out.newLineAtOffset(x + 14, bottom + codeBaseline);
            out.showText(code);
            out.endText();
          }
        }
      }
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Draws what every voucher of the programme shows; answers the baseline of the code. */
  private float common(
      PDFormContentStream out,
      PDFont font,
      VoucherProgramme programme,
      String funderName,
      float width,
      float height)
      throws IOException {
    out.setLineWidth(0.5f);
    out.setLineDashPattern(new float[] {3, 3}, 0);
    out.addRect(4, 4, width - 8, height - 8);
    out.stroke();
    out.setLineDashPattern(new float[] {}, 0);
    float left = 14;
    float y = height - 24;
    for (String line : wrap(funderName, 34, 1)) {
      line(out, font, 8, left, y, line);
      y -= 13;
    }
    for (String line : wrap(programme.name(), 26, 2)) {
      line(out, font, 11, left, y, line);
      y -= 13;
    }
    y -= 10;
    line(out, font, 20, left, y, programme.faceValue().format(FR));
    y -= 12;
    String pays =
        programme.kind() == VoucherKind.CHEQUE_EQUIPEMENT
            ? "Paie un appareil numérique reconditionné"
            : "Paie un accompagnement au numérique (pas d'appareil)";
    for (String line : wrap(pays, 38, 2)) {
      line(out, font, 8, left, y, line);
      y -= 10;
    }
    y = Math.min(y - 2, height - 12 - QR_SIZE - 12);
    line(out, font, 8, left, y, "Code du bon");
    y -= 15;
    float codeBaseline = y;
    y -= 12;
    line(
        out,
        font,
        9,
        left,
        y,
        "Valable du "
            + DAY.format(programme.validFrom())
            + " au "
            + DAY.format(programme.validUntil()));
    if (programme.toleranceDays() > 0) {
      y -= 11;
      line(out, font, 9, left, y, "Accepté jusqu'au " + DAY.format(programme.lastDayAccepted()));
    }
    y -= 10;
    String territory =
        programme.prefixes().isEmpty()
            ? "Tout territoire"
            : "Habitants des codes postaux " + String.join(", ", programme.prefixes()) + "…";
    line(out, font, 7, left, y, territory + (programme.nominative() ? " — bon nominatif" : ""));
    for (String line : wrap(programme.conditions(), 64, 2)) {
      y -= 9;
      line(out, font, 7, left, y, line);
    }
    line(out, font, 7, left, 12, "Utilisable une seule fois. Pas de rendu de monnaie.");
    return codeBaseline;
  }

  private static void line(
      PDFormContentStream out, PDFont font, float size, float x, float y, String text)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y);
    out.showText(printable(text));
    out.endText();
  }

  /** The statement as the funder agrees it and the relay is paid by it. */
  public byte[] statement(
      VoucherProgramme programme,
      String funderName,
      Statement statement,
      String relayName,
      List<StatementLine> lines) {
    try (PDDocument document = new PDDocument()) {
      PDFont font = font(document);
      PDRectangle a4 = PDRectangle.A4;
      PDPage page = new PDPage(a4);
      document.addPage(page);
      PDPageContentStream out = new PDPageContentStream(document, page);
      float left = 50;
      float y = a4.getHeight() - 60;
      boolean credit = statement.kind() == Statement.Kind.FUNDER_CREDIT;
      text(
          out,
          font,
          16,
          left,
          y,
          (credit ? "Avoir au financeur — bons expirés non utilisés" : "Relevé mensuel des bons")
              + " — "
              + statement.period());
      y -= 22;
      text(out, font, 10, left, y, "Programme : " + programme.name() + " (" + funderName + ")");
      y -= 14;
      if (!credit) {
        text(out, font, 10, left, y, "Relais : " + relayName);
        y -= 14;
      }
      text(out, font, 10, left, y, "État : " + statusLabel(statement.status()));
      y -= 14;
      text(
          out,
          font,
          10,
          left,
          y,
          statement.itemCount()
              + " bon(s), total "
              + statement.amount().format(FR)
              + (credit ? " à recréditer au financeur" : " à payer au relais"));
      y -= 24;
      text(out, font, 9, left, y, "Code");
      text(out, font, 9, left + 150, y, credit ? "Expiré le" : "Utilisé le");
      text(out, font, 9, left + 260, y, credit ? "" : "Commande");
      text(out, font, 9, left + 340, y, "Valeur");
      text(out, font, 9, left + 420, y, "Montant");
      y -= 14;
      for (StatementLine line : lines) {
        if (y < 60) {
          out.close();
          page = new PDPage(a4);
          document.addPage(page);
          out = new PDPageContentStream(document, page);
          y = a4.getHeight() - 60;
        }
        text(
            out,
            font,
            9,
            left,
            y,
            fr.secondevie.vouchers.entity.VoucherCode.group(line.voucherCode()));
        text(out, font, 9, left + 150, y, DAY.format(line.occurredAt()));
        text(out, font, 9, left + 260, y, line.orderId() == null ? "" : line.orderId().toString());
        text(out, font, 9, left + 340, y, line.faceValue().format(FR));
        text(out, font, 9, left + 420, y, line.amount().format(FR));
        y -= 12;
      }
      out.close();
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String statusLabel(Statement.Status status) {
    return Map.of(
            Statement.Status.DRAFT, "brouillon",
            Statement.Status.AGREED, "validé (figé)",
            Statement.Status.PAID, "payé")
        .get(status);
  }

  /** Draws a QR code of {@code content}, {@code size} points wide, with its quiet zone. */
  static void qr(PDPageContentStream out, String content, float x, float y, float size)
      throws IOException {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  content,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
    } catch (WriterException e) {
      throw new IllegalStateException(e);
    }
    // Vector squares, one rectangle per run of dark modules: sharp at any print size, and fast.
    int modules = matrix.getWidth();
    float cell = size / modules;
    for (int row = 0; row < modules; row++) {
      int col = 0;
      while (col < modules) {
        if (!matrix.get(col, row)) {
          col++;
          continue;
        }
        int end = col;
        while (end < modules && matrix.get(end, row)) {
          end++;
        }
        out.addRect(x + col * cell, y + size - (row + 1) * cell, (end - col) * cell, cell);
        // Where the module below is dark too, a thin bridge hides the seam between the rows.
        for (int c = col; c < end; c++) {
          if (row + 1 < modules && matrix.get(c, row + 1)) {
            int bridgeEnd = c;
            while (bridgeEnd < end && matrix.get(bridgeEnd, row + 1)) {
              bridgeEnd++;
            }
            out.addRect(
                x + c * cell,
                y + size - (row + 1) * cell - cell * 0.1f,
                (bridgeEnd - c) * cell,
                cell * 0.2f);
            c = bridgeEnd;
          }
        }
        col = end;
      }
    }
    out.fill();
  }

  private static void text(
      PDPageContentStream out, PDFont font, float size, float x, float y, String text)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y);
    out.showText(printable(text));
    out.endText();
  }

  /** The French number format uses no-break spaces the embedded font may lack. */
  private static String printable(String text) {
    return text == null ? "" : text.replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  static List<String> wrap(String text, int width, int maxLines) {
    List<String> lines = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return lines;
    }
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (line.length() + word.length() + 1 > width && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        if (lines.size() == maxLines) {
          return lines;
        }
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 && lines.size() < maxLines) {
      lines.add(line.toString());
    }
    return lines;
  }

  private PDFont font(PDDocument document) throws IOException {
    byte[] bytes = fontBytes;
    if (bytes == null) {
      try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
        bytes = in.readAllBytes();
      }
      fontBytes = bytes;
    }
    return PDType0Font.load(document, new java.io.ByteArrayInputStream(bytes), true);
  }

  private static byte[] bytes(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
