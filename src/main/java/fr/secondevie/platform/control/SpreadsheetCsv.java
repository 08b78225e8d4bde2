package fr.secondevie.platform.control;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV for people who open it in a French spreadsheet: semicolons (the comma is the French decimal
 * mark), a UTF-8 byte-order mark so that accents come out right, French headers and values in
 * words, and no cell that a spreadsheet would run as a formula. The API's CSVs stay the machine
 * kind (commas, codes, ISO dates); this is for the pages' download buttons.
 */
public final class SpreadsheetCsv {

  private static final CSVFormat FRENCH =
      CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private SpreadsheetCsv() {}

  /** The header line and the rows, as UTF-8 bytes after the byte-order mark. */
  public static byte[] of(List<String> header, List<List<String>> rows) {
    StringWriter text = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(text, FRENCH)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(SpreadsheetCsv::inert).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, all, 0, BOM.length);
    System.arraycopy(body, 0, all, BOM.length, body.length);
    return all;
  }

  /** A value a spreadsheet would take for a formula ("=", "+", "-", "@"...) is quoted as text. */
  static String inert(String value) {
    if (value == null) {
      return "";
    }
    return value.matches("(?s)^[=+\\-@\\t\\r].*") ? "'" + value : value;
  }
}
