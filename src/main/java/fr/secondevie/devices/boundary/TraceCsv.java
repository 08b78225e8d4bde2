package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.Traceability.TracedDevice;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.SpreadsheetCsv;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The trace of a donation as CSV (RFC 4180): a header line, then one line per device. Values that a
 * spreadsheet would run as a formula are prefixed with a quote.
 */
public final class TraceCsv {

  public static final String HEADER =
      "serial_number,category,status,erasure_certificate_id,erased_at,sold_at,recycled_at";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

  /**
   * The same trace for a French spreadsheet (the donor's page's download): semicolons, French
   * headers, categories and statuses in words, days as 01/12/2026.
   */
  public static byte[] forPeople(List<TracedDevice> devices) {
    return SpreadsheetCsv.of(
        List.of(
            "Numéro de série",
            "Catégorie",
            "Devenu",
            "Certificat d'effacement",
            "Effacé le",
            "Vendu le",
            "Recyclé le"),
        devices.stream()
            .map(
                d ->
                    List.of(
                        nullToEmpty(d.serialNumber()),
                        DocumentFrench.label("category." + d.category()),
                        DocumentFrench.label("deviceStatus." + d.status()),
                        nullToEmpty(d.erasureCertificateId()),
                        day(d.erasedAt()),
                        day(d.soldAt()),
                        day(d.recycledAt())))
            .toList());
  }

  private static String day(LocalDateTime at) {
    return at == null ? "" : DAY.format(at);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
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
