package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.Traceability.TracedDevice;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The trace of a donation as CSV (RFC 4180): a header line, then one line per device. Values that a
 * spreadsheet would run as a formula are prefixed with a quote.
 */
public final class TraceCsv {

  public static final String HEADER =
      "serial_number,category,status,erasure_certificate_id,erased_at,sold_at,recycled_at";

  private TraceCsv() {}

  public static String of(List<TracedDevice> devices) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TracedDevice d : devices) {
      csv.append(field(d.serialNumber()))
          .append(',')
          .append(field(d.category()))
          .append(',')
          .append(field(d.status()))
          .append(',')
          .append(field(d.erasureCertificateId()))
          .append(',')
          .append(time(d.erasedAt()))
          .append(',')
          .append(time(d.soldAt()))
          .append(',')
          .append(time(d.recycledAt()))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String time(LocalDateTime at) {
    return at == null ? "" : at.toString();
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
