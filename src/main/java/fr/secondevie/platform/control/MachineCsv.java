package fr.secondevie.platform.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The API's CSVs, for programs rather than people: UTF-8 without a byte-order mark, commas, a line
 * feed after each line, a header of codes, a null written as an empty cell (RFC 4180 quoting, by
 * commons-csv). What each column holds (cents, codes, ISO moments) is the caller's; the French
 * spreadsheets of the pages' download buttons are {@link SpreadsheetCsv}, written by the same
 * {@link Lines} in their own format.
 */
public final class MachineCsv {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private MachineCsv() {}

  /**
   * A file written as it goes (the lines of a large export are never held in memory): the header
   * now, then {@link Lines#row} for each line.
   */
  public static Lines open(OutputStream out, String... header) {
    return open(out, FORMAT, header);
  }

  /** The lines of a CSV of {@code format} in UTF-8 after its header. */
  static Lines open(OutputStream out, CSVFormat format, Object... header) {
    try {
      Lines lines =
          new Lines(new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format));
      lines.printer.printRecord(header);
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines after the header; closing flushes them (the stream stays the caller's). */
  public static final class Lines implements Closeable {

    private final CSVPrinter printer;

    private Lines(CSVPrinter printer) {
      this.printer = printer;
    }

    public void row(Object... values) {
      try {
        printer.printRecord(values);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
