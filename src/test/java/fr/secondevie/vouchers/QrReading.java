package fr.secondevie.vouchers;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads back the QR codes of a voucher sheet as a phone would: renders each page and decodes the QR
 * code of each of its eight cells (two columns, four rows).
 */
public final class QrReading {

  private QrReading() {}

  public static List<String> codesOnSheet(byte[] pdf) {
    List<String> found = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int p = 0; p < document.getNumberOfPages(); p++) {
        BufferedImage page = renderer.renderImageWithDPI(p, 200);
        int cellWidth = page.getWidth() / 2;
        int cellHeight = page.getHeight() / 4;
        for (int row = 0; row < 4; row++) {
          for (int col = 0; col < 2; col++) {
            BufferedImage cell =
                page.getSubimage(col * cellWidth, row * cellHeight, cellWidth, cellHeight);
            try {
              found.add(
                  new QRCodeReader()
                      .decode(
                          new BinaryBitmap(
                              new HybridBinarizer(new BufferedImageLuminanceSource(cell))),
                          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                      .getText());
            } catch (NotFoundException empty) {
              // a blank cell at the end of the last page
            } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
              throw new IllegalStateException("Unreadable QR code", e);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
