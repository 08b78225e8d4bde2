package fr.secondevie.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;

/**
 * A rectangle to draw in at given positions — a page, a cell of a grid, a form drawn in many cells
 * — in points from its bottom-left corner, as PDF counts. Text goes through the document's fonts,
 * so it is always printable; QR codes are vector squares.
 */
public class PdfCanvas {

  private final PDPageContentStream out;
  private final PdfFonts fonts;
  private final float x0;
  private final float y0;
  private final float width;
  private final float height;

  PdfCanvas(
      PDPageContentStream out, PdfFonts fonts, float x0, float y0, float width, float height) {
    this.out = out;
    this.fonts = fonts;
    this.x0 = x0;
    this.y0 = y0;
    this.width = width;
    this.height = height;
  }

  public float width() {
    return width;
  }

  public float height() {
    return height;
  }

  /** One line of text with its baseline at (x, y). */
  public PdfCanvas text(String text, float x, float y, float size) {
    try {
      String line = fonts.showable(text);
      out.beginText();
      out.setFont(fonts.fontFor(line), size);
      out.newLineAtOffset(x0 + x, y0 + y);
      out.showText(line);
      out.endText();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The width in points of one line of text. */
  public float widthOf(String text, float size) {
    return fonts.widthOf(text, size);
  }

  /** See {@link PdfFonts#wrap(String, float, float, int)}. */
  public List<String> wrap(String text, float size, float maxWidth, int maxLines) {
    return fonts.wrap(text, size, maxWidth, maxLines);
  }

  /** A straight line, 1 pt wide. */
  public PdfCanvas line(float x1, float y1, float x2, float y2) {
    try {
      out.moveTo(x0 + x1, y0 + y1);
      out.lineTo(x0 + x2, y0 + y2);
      out.stroke();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rectangle's outline, dashed {@code dash} on, {@code dash} off (a line to cut along). */
  public PdfCanvas dashedFrame(float x, float y, float w, float h, float lineWidth, float dash) {
    try {
      out.setLineWidth(lineWidth);
      out.setLineDashPattern(new float[] {dash, dash}, 0);
      out.addRect(x0 + x, y0 + y, w, h);
      out.stroke();
      out.setLineDashPattern(new float[] {}, 0);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A QR code of {@code data} filling the square of side {@code size} whose bottom-left corner is
   * (x, y), its quiet zone of {@code quietZone} modules included in the square.
   */
  public PdfCanvas qrCode(String data, float x, float y, float size, int quietZone) {
    try {
      PdfQr.draw(out, data, x0 + x, y0 + y, size, quietZone);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Draws a form (drawn once, shown in many places) with its bottom-left corner at (x, y). */
  public PdfCanvas form(PdfForm form, float x, float y) {
    try {
      out.saveGraphicsState();
      out.transform(Matrix.getTranslateInstance(x0 + x, y0 + y));
      out.drawForm(form.xObject());
      out.restoreGraphicsState();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The part of this canvas at (x, y), {@code w} by {@code h}: a cell, say. */
  PdfCanvas region(float x, float y, float w, float h) {
    return new PdfCanvas(out, fonts, x0 + x, y0 + y, w, h);
  }
}
