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

  /** The text of the QR code in the image, if one is there; a code seen but unreadable fails. */
  static java.util.Optional<String> decode(BufferedImage image) {
    var source = new BufferedImageLuminanceSource(image);
    Exception unreadable = null;
    for (BinaryBitmap bitmap :
        List.of(
            new BinaryBitmap(new HybridBinarizer(source)),
            new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)))) {
      try {
        return java.util.Optional.of(
            new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText());
      } catch (NotFoundException empty) {
        // nothing found by this binarizer
      } catch (com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
        unreadable = e;
      }
    }
    if (unreadable != null) {
      throw new IllegalStateException("Unreadable QR code", unreadable);
    }
    return java.util.Optional.empty();
  }

  public static List<String> codesOnSheet(byte[] pdf) {
    List<String> found = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      for (int p = 0; p < document.getNumberOfPages(); p++) {
        Map<Integer, BufferedImage> renderings = new java.util.HashMap<>();
        for (int row = 0; row < 4; row++) {
          for (int col = 0; col < 2; col++) {
            lookAt(renderer, renderings, p, row, col).ifPresent(found::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The resolutions a page is seen at, first the usual one: a phone held nearer or further. */
  private static final int[] DPIS = {200, 150, 250, 300};

  /**
   * Reads one cell as a phone does, from several distances, then as a scanner aimed at the code.
   * ZXing's finder-pattern detector cannot read a few perfectly drawn version-1 codes at some
   * scales (a block of data modules that looks like a finder pattern): of 300 random codes drawn as
   * the sheet draws them, 3 failed at one or two of eight resolutions from 100 to 300 dpi (9
   * failures in 2,400 readings), and none at all of them; error correction Q or H did no better. A
   * phone's camera sees the code at many scales in a second, so a code that reads at one of them
   * reads. The last look crops the QR code's square where the sheet prints it (76 pt, 12 pt from
   * the cell's top and right edges) and decodes it as a pure barcode, module by module. A cell is
   * empty only when that square is blank; ink there that reads as no code fails.
   */
  private static java.util.Optional<String> lookAt(
      PDFRenderer renderer, Map<Integer, BufferedImage> renderings, int p, int row, int col)
      throws IOException {
    List<Exception> failures = new ArrayList<>();
    for (int dpi : DPIS) {
      BufferedImage page = renderings.get(dpi);
      if (page == null) {
        page = renderer.renderImageWithDPI(p, dpi);
        renderings.put(dpi, page);
      }
      try {
        var seen = decode(cell(page, dpi, row, col));
        if (seen.isPresent()) {
          return seen;
        }
        if (dpi == DPIS[0] && blank(square(cell(page, dpi, row, col), dpi))) {
          return java.util.Optional.empty();
        }
      } catch (IllegalStateException unreadable) {
        failures.add(unreadable);
      }
    }
    BufferedImage square = square(cell(renderings.get(DPIS[0]), DPIS[0], row, col), DPIS[0]);
    try {
      return java.util.Optional.of(
          new QRCodeReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(square))),
                  Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
              .getText());
    } catch (com.google.zxing.ReaderException e) {
      var failure =
          new IllegalStateException(
              "Unreadable QR code on page " + (p + 1) + ", row " + row + ", column " + col, e);
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  /** The square where the sheet prints a cell's QR code: 76 pt, 12 pt from the top and right. */
  private static BufferedImage square(BufferedImage cell, int dpi) {
    double scale = dpi / 72.0;
    int size = (int) Math.round(76 * scale);
    int x = cell.getWidth() - (int) Math.round((76 + 12) * scale);
    int y = (int) Math.round(12 * scale);
    return cell.getSubimage(x, y, size, size);
  }

  /** Whether no pixel of the image is darker than light grey. */
  private static boolean blank(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
        if (grey < 200) {
          return false;
        }
      }
    }
    return true;
  }

  /** One cell of the sheet's grid: 28 pt margins, two columns and four rows. */
  private static BufferedImage cell(BufferedImage image, int dpi, int row, int col) {
    int margin = (int) (28 * dpi / 72.0);
    int cellWidth = (image.getWidth() - 2 * margin) / 2;
    int cellHeight = (image.getHeight() - 2 * margin) / 4;
    return image.getSubimage(
        margin + col * cellWidth, margin + row * cellHeight, cellWidth, cellHeight);
  }
}
