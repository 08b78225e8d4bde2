package fr.secondevie.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * What many places of a document show alike (the frame and mentions of every voucher of a sheet),
 * drawn once and stored once, then shown with {@link PdfCanvas#form}: a 1,000-voucher sheet stays
 * small and fast. Draw on it, close it, then show it. (A form XObject written through PDFBox's
 * appearance-stream constructor, the one that knows the document, so its fonts are subset too.)
 */
public final class PdfForm extends PdfCanvas implements AutoCloseable {

  private final PDFormXObject xObject;
  private final PDPageContentStream stream;

  private PdfForm(PDFormXObject xObject, PDPageContentStream stream, PdfFonts fonts) {
    super(stream, fonts, 0, 0, xObject.getBBox().getWidth(), xObject.getBBox().getHeight());
    this.xObject = xObject;
    this.stream = stream;
  }

  static PdfForm of(PDDocument document, float width, float height, PdfFonts fonts) {
    try {
      PDAppearanceStream xObject = new PDAppearanceStream(document);
      xObject.setBBox(new PDRectangle(width, height));
      xObject.setResources(new PDResources());
      return new PdfForm(xObject, new PDPageContentStream(document, xObject), fonts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PDFormXObject xObject() {
    return xObject;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
