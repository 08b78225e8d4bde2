package fr.secondevie.platform.control;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * An A4 document the chain hands out (receipts, attestations, certificates, reports, voucher sheets
 * and statements), written top to bottom: headings, paragraphs wrapped to the page, label and value
 * lines, rows of amounts, tables, QR codes. What does not fit on a page goes on the next one. For
 * sheets of cells (vouchers to cut out), {@link #grid} hands out the cells page after page and
 * {@link #form} draws once what every cell shows. Text goes through {@link PdfFonts}, so whatever a
 * document writes is printable.
 */
public final class PdfDocument implements AutoCloseable {

  public static final float MARGIN = 56;
  static final PDRectangle A4 = PDRectangle.A4;
  private static final float FIELD_COLUMN = 190;

  private final PDDocument document = new PDDocument();
  private final PdfFonts fonts;
  private PDPageContentStream content;
  private PdfCanvas page;
  private float y;

  public PdfDocument(String title) {
    this(title, false);
  }

  private PdfDocument(String title, boolean archival) {
    fonts = new PdfFonts(document, archival);
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setProducer("Seconde Vie");
  }

  /**
   * A document ready to be archived as PDF/A (an invoice): every font embedded and the sRGB output
   * intent that fixes its colours. What makes it PDF/A-3 — the metadata that declares it, the files
   * it carries — is added by whoever completes it (Mustang, for a Factur-X invoice).
   */
  public static PdfDocument archival(String title) {
    PdfDocument pdf = new PdfDocument(title, true);
    try {
      PDOutputIntent intent =
          new PDOutputIntent(
              pdf.document,
              new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
      intent.setInfo("sRGB IEC61966-2.1");
      intent.setOutputCondition("sRGB IEC61966-2.1");
      intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
      intent.setRegistryName("http://www.color.org");
      pdf.document.getDocumentCatalog().addOutputIntent(intent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf;
  }

  /** The moment the document was made, as its properties say (the application's clock). */
  public PdfDocument createdAt(ZonedDateTime moment) {
    Calendar calendar = GregorianCalendar.from(moment);
    document.getDocumentInformation().setCreationDate(calendar);
    document.getDocumentInformation().setModificationDate(calendar);
    return this;
  }

  public PdfDocument subject(String subject) {
    document.getDocumentInformation().setSubject(subject);
    return this;
  }

  /** The width of the text between the margins. */
  public float width() {
    return A4.getWidth() - 2 * MARGIN;
  }

  /** A paragraph in the given size, wrapped to the page width, continued on the next page. */
  public PdfDocument text(String text, float size) {
    for (String line : fonts.wrap(text, size, width())) {
      room(size * 1.4f);
      y -= size * 1.4f;
      page.text(line, MARGIN, y, size);
    }
    return this;
  }

  public PdfDocument text(String text) {
    return text(text, 11);
  }

  /** A heading: a paragraph that starts a new page rather than end one alone. */
  public PdfDocument heading(String text, float size) {
    room(fonts.wrap(text, size, width()).size() * size * 1.4f + 2 * 11 * 1.5f);
    return text(text, size);
  }

  /** A label and its value, the value at a fixed column and wrapped within the page. */
  public PdfDocument field(String label, String value) {
    List<String> lines = fonts.wrap(value == null ? "" : value, 11, width() - FIELD_COLUMN);
    room(11 * 1.5f + (lines.size() - 1) * 11 * 1.3f);
    y -= 11 * 1.5f;
    page.text(label, MARGIN, y, 11);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        room(11 * 1.3f);
        y -= 11 * 1.3f;
      }
      page.text(lines.get(i), MARGIN + FIELD_COLUMN, y, 11);
    }
    return this;
  }

  /**
   * A row of a table of amounts: the label at the left margin (wrapped before the amount's column),
   * the amount aligned on the right margin, as a receipt lists its lines.
   */
  public PdfDocument row(String label, String amount, float size) {
    float amountWidth = fonts.widthOf(amount, size);
    List<String> lines = fonts.wrap(label, size, width() - amountWidth - 24);
    room(size * 1.45f + (lines.size() - 1) * size * 1.3f);
    y -= size * 1.45f;
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        room(size * 1.3f);
        y -= size * 1.3f;
      }
      page.text(lines.get(i), MARGIN, y, size);
      if (i == 0) {
        // written after the label, so that the text reads "label amount" when extracted
        page.text(amount, MARGIN + width() - amountWidth, y, size);
      }
    }
    return this;
  }

  public PdfDocument gap(float points) {
    y -= points;
    return this;
  }

  /**
   * A QR code of {@code size} points at the left margin, below what was written, with a quiet zone
   * of four modules (the standard's) inside that square.
   */
  public PdfDocument qrCode(String data, float size) {
    room(size);
    y -= size;
    page.qrCode(data, MARGIN, y, size, 4);
    return this;
  }

  /** A horizontal rule across the page. */
  public PdfDocument rule() {
    room(12);
    y -= 8;
    page.line(MARGIN, y, MARGIN + width(), y);
    y -= 4;
    return this;
  }

  /**
   * A table of short cells, each column starting at its offset from the left margin; the header
   * line is written again at the top of each page the table runs onto.
   */
  public PdfTable table(float size, float[] columns, String... header) {
    return new PdfTable(this, size, columns, header);
  }

  /**
   * A grid of {@code columns} by {@code rows} cells filling each page within {@code margin}, handed
   * out left to right, top to bottom, page after page; it starts on a page of its own.
   */
  public PdfGrid grid(int columns, int rows, float margin) {
    return new PdfGrid(this, columns, rows, margin);
  }

  /** A form of the given size to draw once and show in many places (close it before showing). */
  public PdfForm form(float width, float height) {
    return PdfForm.of(document, width, height, fonts);
  }

  /** A fresh page, to draw on at given positions; the flow goes on below its top margin. */
  public PdfCanvas newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage next = new PDPage(A4);
      document.addPage(next);
      content = new PDPageContentStream(document, next);
      page = new PdfCanvas(content, fonts, 0, 0, A4.getWidth(), A4.getHeight());
      y = A4.getHeight() - MARGIN;
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document saved (with one blank page if nothing was written). */
  public byte[] toBytes() {
    try {
      if (content == null) {
        newPage();
      }
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

  List<String> wrap(String text, float size, float maxWidth) {
    return fonts.wrap(text, size, maxWidth);
  }

  PdfCanvas page() {
    return page;
  }

  float y() {
    return y;
  }

  void down(float points) {
    y -= points;
  }

  /**
   * Makes room for {@code height} points below the flow's position: a new page when they do not fit
   * above the bottom margin (or no page was started). Whether a page was started.
   */
  boolean room(float height) {
    if (page == null || (y - height < MARGIN && y < A4.getHeight() - MARGIN)) {
      newPage();
      return true;
    }
    return false;
  }
}
