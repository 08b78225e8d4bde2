package fr.secondevie.platform.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * QR codes (ZXing, error correction M) drawn as vector squares: sharp at any zoom and print size,
 * readable by any scanner. The quiet zone, in modules, is part of the square the caller gives.
 */
final class PdfQr {

  private PdfQr() {}

  /** Draws {@code data} as a QR code filling the square of side {@code size} at (x, y). */
  static void draw(
      PDPageContentStream out, String data, float x, float y, float size, int quietZone)
      throws IOException {
    BitMatrix matrix;
    try {
      matrix =
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
                      quietZone));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode as a QR code: " + data, e);
    }
    // One rectangle per run of dark modules: fewer paths, and fast for a 1,000-code sheet.
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
}
