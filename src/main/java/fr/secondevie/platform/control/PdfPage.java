package fr.secondevie.platform.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A one-page A4 document written top to bottom: the building block of every PDF the chain hands out
 * (attestations, certificates, voucher sheets, receipts). Text is set in Liberation Sans, embedded
 * as a subset so accents and the euro sign print everywhere; QR codes are drawn as vector squares,
 * sharp at any zoom and readable by any scanner.
 */
public final class PdfPage implements AutoCloseable {

  public static final float MARGIN = 56;
  private static final byte[] FONT = fontBytes();

  private final PDDocument document = new PDDocument();
  private final PDPage page = new PDPage(PDRectangle.A4);

  /** Helvetica needs no embedding: most French text is written with it, at no cost. */
  private final PDFont standard = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  private PDFont embedded;
  private PDPageContentStream content;
  private float y;

  public PdfPage(String title) {
    try {
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setProducer("Seconde Vie");
      y = page.getMediaBox().getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public float width() {
    return page.getMediaBox().getWidth() - 2 * MARGIN;
  }

  /** Text in the given size, wrapped to the page width. */
  public PdfPage text(String text, float size) {
    for (String line : wrap(text, size, width())) {
      write(line, MARGIN, size);
    }
    return this;
  }

  public PdfPage text(String text) {
    return text(text, 11);
  }

  /** A label and its value, the value at a fixed column and wrapped within the page. */
  public PdfPage field(String label, String value) {
    try {
      float column = 190;
      List<String> lines = wrap(value == null ? "" : value, 11, width() - column);
      y -= 11 * 1.5f;
      show(label, MARGIN, y, 11);
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0) {
          y -= 11 * 1.3f;
        }
        show(lines.get(i), MARGIN + column, y, 11);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A row of a table of amounts: the label at the left margin (wrapped before the amount's column),
   * the amount aligned on the right margin, as a receipt lists its lines.
   */
  public PdfPage row(String label, String amount, float size) {
    try {
      float amountWidth = widthOf(amount, size);
      List<String> lines = wrap(label, size, width() - amountWidth - 24);
      y -= size * 1.45f;
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0) {
          y -= size * 1.3f;
        }
        show(lines.get(i), MARGIN, y, size);
        if (i == 0) {
          // written after the label, so that the text reads "label amount" when extracted
          show(amount, MARGIN + width() - amountWidth, y, size);
        }
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public PdfPage gap(float points) {
    y -= points;
    return this;
  }

  /** A QR code of {@code size} points at the left margin, below what was written. */
  public PdfPage qrCode(String data, float size) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  data,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
      float module = size / matrix.getWidth();
      float top = y - size;
      for (int row = 0; row < matrix.getHeight(); row++) {
        for (int col = 0; col < matrix.getWidth(); col++) {
          if (matrix.get(col, row)) {
            content.addRect(
                MARGIN + col * module,
                top + (matrix.getHeight() - 1 - row) * module,
                module,
                module);
          }
        }
      }
      content.fill();
      y = top;
      return this;
    } catch (WriterException e) {
      throw new IllegalArgumentException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A horizontal rule across the page. */
  public PdfPage rule() {
    try {
      y -= 8;
      content.moveTo(MARGIN, y);
      content.lineTo(MARGIN + width(), y);
      content.stroke();
      y -= 4;
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] toBytes() {
    try {
      content.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String line, float x, float size) {
    try {
      y -= size * 1.4f;
      show(line, x, y, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void show(String text, float x, float atY, float size) throws IOException {
    String printable = printable(text);
    content.beginText();
    content.setFont(fontFor(printable), size);
    content.newLineAtOffset(x, atY);
    content.showText(printable);
    content.endText();
  }

  /**
   * Helvetica (a standard font, not embedded) when it can write the text — accents, €, « » included
   * — else Liberation Sans, metric-compatible, embedded as a subset the first time a document needs
   * it (a name in Polish, say). Embedding costs most of a document's time.
   */
  private PDFont fontFor(String text) throws IOException {
    if (canWrite(standard, text)) {
      return standard;
    }
    if (embedded == null) {
      embedded = PDType0Font.load(document, new ByteArrayInputStream(FONT), true);
    }
    return embedded;
  }

  private static boolean canWrite(PDFont font, String text) {
    try {
      font.encode(text);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private static String printable(String text) {
    return text.replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  List<String> wrap(String text, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && widthOf(candidate, size) > maxWidth) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private float widthOf(String text, float size) {
    try {
      String printable = printable(text);
      return fontFor(printable).getStringWidth(printable) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] fontBytes() {
    try (InputStream in =
        PDDocument.class.getResourceAsStream(
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
