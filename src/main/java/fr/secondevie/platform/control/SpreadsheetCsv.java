package fr.secondevie.platform.control;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

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
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm xxx");

  private SpreadsheetCsv() {}

  /** The header line and the rows, as UTF-8 bytes after the byte-order mark. */
  public static byte[] of(List<String> header, List<List<String>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Sheet sheet = open(bytes, header)) {
      rows.forEach(sheet::row);
    }
    return bytes.toByteArray();
  }

  /**
   * A sheet written as it goes (a programme's million redemptions are never held in memory): the
   * byte-order mark and the header now, then {@link Sheet#row} for each line.
   */
  public static Sheet open(OutputStream out, List<String> header) {
    try {
      out.write(BOM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Sheet(MachineCsv.open(out, FRENCH, header.toArray()));
  }

  /**
   * The lines of a sheet after its header; closing flushes them (the stream stays the caller's).
   */
  public static final class Sheet implements Closeable {

    private final MachineCsv.Lines lines;

    private Sheet(MachineCsv.Lines lines) {
      this.lines = lines;
    }

    public void row(List<String> values) {
      lines.row(values.stream().map(SpreadsheetCsv::inert).toArray());
    }

    @Override
    public void close() {
      lines.close();
    }
  }

  /** Euros as a French spreadsheet reads a number: {@code 1234,50}, {@code -6,00}. */
  public static String euros(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
  }

  /** A day as {@code 01/12/2026}; empty when there is none. */
  public static String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** The day of a moment as {@code 01/12/2026}; empty when there is none. */
  public static String day(LocalDateTime moment) {
    return moment == null ? "" : DAY.format(moment);
  }

  /**
   * A moment of the business's clock (Paris) with its offset, so that a file read elsewhere or
   * across a change of time says the same instant: {@code 01/12/2026 14:05 +01:00}.
   */
  public static String moment(LocalDateTime moment) {
    return moment == null ? "" : MOMENT.format(moment.atZone(ClockProducer.BUSINESS_ZONE));
  }

  /**
   * A value a spreadsheet would take for a formula ("=", "+", "-", "@"...) is quoted as text; a
   * plain negative number ({@code -6,00}, a reversed voucher) stays a number.
   */
  public static String inert(String value) {
    if (value == null) {
      return "";
    }
    if (value.matches("-[0-9]+(,[0-9]+)?")) {
      return value;
    }
    return value.matches("(?s)^[=+\\-@\\t\\r].*") ? "'" + value : value;
  }
}
