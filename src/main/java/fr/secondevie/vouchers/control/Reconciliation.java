package fr.secondevie.vouchers.control;

import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.control.Cursor;
import fr.secondevie.platform.control.DataSourceConfig;
import fr.secondevie.platform.control.MachineCsv;
import fr.secondevie.platform.control.SpreadsheetCsv;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The funder's clearing ledger for a programme over a period: what was issued, redeemed (and at
 * which relay, for how much) net of the devices returned (a reversal line, negative, on the day of
 * the return), is still outstanding, expired. Computed by the database (aggregates over indexed
 * columns); the CSV of redemptions is streamed from a server-side cursor, so its memory does not
 * grow with the number of lines.
 */
@ApplicationScoped
public class Reconciliation {

  /** A period of whole days, both ends included; open ends reach far into the past or future. */
  public record Period(LocalDate from, LocalDate to) {
    public static Period of(LocalDate from, LocalDate to) {
      return new Period(
          from == null ? LocalDate.of(2000, 1, 1) : from,
          to == null ? LocalDate.of(2999, 12, 31) : to);
    }

    Timestamp start() {
      return Timestamp.valueOf(from.atStartOfDay());
    }

    Timestamp end() {
      return Timestamp.valueOf(to.plusDays(1).atStartOfDay());
    }
  }

  /** One relay's share of the redemptions. */
  public record RelayTotal(long relayId, String relayName, long count, long appliedCents) {}

  /** One month's redemptions ({@code 2026-11}). */
  public record MonthTotal(String month, long count, long appliedCents) {}

  /** The summary of API.md, plus the months for the dashboard. */
  public record Summary(
      long issuedCount,
      long redeemedCount,
      long redeemedAppliedCents,
      long outstandingCount,
      long expiredCount,
      long cancelledCount,
      List<RelayTotal> byRelay,
      List<MonthTotal> byMonth) {}

  /**
   * The funder's ledger as lines: each redemption with the share it paid, and each reversal (a
   * device returned) with that share negative, dated when it happened; {@code counted} is 1 for a
   * redemption, -1 for the reversal that gave the voucher back, 0 for one that reduced its share.
   */
  static final String LEDGER =
      "select id, voucher_id, programme_id, relay_id, order_id, face_value_cents,"
          + " redeemed_at as occurred, applied_cents as cents, 1 as counted, 0 as reversal"
          + " from redemption union all"
          + " select id, voucher_id, programme_id, relay_id, order_id, face_value_cents,"
          + " reversed_at as occurred, -reversed_cents as cents,"
          + " case when reinstated then -1 else 0 end as counted, 1 as reversal"
          + " from redemption_reversal";

  public static final String[] CSV_HEADER = {
    "code", "redeemed_at", "relay_id", "relay_name", "order_id", "face_value_cents", "applied_cents"
  };

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  public Summary summary(long programmeId, Period period) {
    VoucherProgramme programme = programmes.getVisible(programmeId);
    Object[] vouchers =
        (Object[])
            em.createNativeQuery(
                    "select count(*),"
                        + " sum(case when status in ('ISSUED', 'HELD') then 1 else 0 end),"
                        + " sum(case when status = 'CANCELLED' then 1 else 0 end)"
                        + " from voucher where programme_id = ? and issued_at >= ? and issued_at < ?")
                .setParameter(1, programme.id())
                .setParameter(2, period.start())
                .setParameter(3, period.end())
                .getSingleResult();
    long expired =
        number(
            em.createNativeQuery(
                    "select count(*) from voucher where programme_id = ? and status = 'EXPIRED'"
                        + " and expired_at >= ? and expired_at < ?")
                .setParameter(1, programme.id())
                .setParameter(2, period.start())
                .setParameter(3, period.end())
                .getSingleResult());
    @SuppressWarnings("unchecked")
    List<Object[]> relays =
        em.createNativeQuery(
                "select r.relay_id, o.name, sum(r.counted), sum(r.cents) from ("
                    + LEDGER
                    + ") r join organisation_name o on o.id = r.relay_id"
                    + " where r.programme_id = ? and r.occurred >= ? and r.occurred < ?"
                    + " group by r.relay_id, o.name order by o.name")
            .setParameter(1, programme.id())
            .setParameter(2, period.start())
            .setParameter(3, period.end())
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> months =
        em.createNativeQuery(
                "select extract(year from r.occurred), extract(month from r.occurred),"
                    + " sum(r.counted), sum(r.cents) from ("
                    + LEDGER
                    + ") r where r.programme_id = ? and r.occurred >= ? and r.occurred < ?"
                    + " group by extract(year from r.occurred), extract(month from r.occurred)"
                    + " order by 1, 2")
            .setParameter(1, programme.id())
            .setParameter(2, period.start())
            .setParameter(3, period.end())
            .getResultList();
    List<RelayTotal> byRelay =
        relays.stream()
            .map(r -> new RelayTotal(number(r[0]), (String) r[1], number(r[2]), number(r[3])))
            .toList();
    List<MonthTotal> byMonth =
        months.stream()
            .map(
                m ->
                    new MonthTotal(
                        String.format("%04d-%02d", number(m[0]), number(m[1])),
                        number(m[2]),
                        number(m[3])))
            .toList();
    return new Summary(
        number(vouchers[0]),
        byRelay.stream().mapToLong(RelayTotal::count).sum(),
        byRelay.stream().mapToLong(RelayTotal::appliedCents).sum(),
        number(vouchers[1]),
        expired,
        number(vouchers[2]),
        byRelay,
        byMonth);
  }

  /** {@code 2026-11-14T10:30:00+01:00}: the moment with its offset, seconds always written. */
  private static final DateTimeFormatter ISO_WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /**
   * Writes one CSV line per redemption of the period, in time order, the code as the sheet prints
   * it ({@code SW4V-N4CK-822H-RS9P}) and the moment with its offset, reading them through a cursor
   * (fetch size) on a connection of its own, outside any transaction.
   */
  public void writeCsv(long programmeId, Period period, OutputStream out) {
    VoucherProgramme programme = programmes.getVisible(programmeId);
    writeCsv(programme.id(), period, out, dataSource);
  }

  /** The CSV lines of the redemptions of a programme; access already checked by the caller. */
  public static void writeCsv(long programmeId, Period period, OutputStream out, DataSource ds) {
    try (MachineCsv.Lines csv = MachineCsv.open(out, CSV_HEADER)) {
      eachRedemption(
          programmeId,
          period,
          ds,
          r ->
              csv.row(
                  VoucherCode.group(r.code()),
                  ISO_WITH_OFFSET.format(r.redeemedAt().atZone(ClockProducer.BUSINESS_ZONE)),
                  r.relayId(),
                  r.relayName(),
                  r.orderId(),
                  r.faceValueCents(),
                  r.appliedCents()));
    }
  }

  /**
   * The same redemptions for the funder's finance officer in a French spreadsheet (the page's
   * download): French headers, the relay by its name, euros with a comma, the moment with its
   * offset ({@link SpreadsheetCsv}).
   */
  public void writeSheet(long programmeId, Period period, OutputStream out) {
    VoucherProgramme programme = programmes.getVisible(programmeId);
    try (SpreadsheetCsv.Sheet sheet =
        SpreadsheetCsv.open(
            out,
            List.of(
                "Code du bon",
                "Utilisé le",
                "Relais",
                "Vente n°",
                "Valeur du bon (€)",
                "Montant pris en compte (€)"))) {
      eachRedemption(
          programme.id(),
          period,
          dataSource,
          r ->
              sheet.row(
                  List.of(
                      VoucherCode.group(r.code()),
                      SpreadsheetCsv.moment(r.redeemedAt()),
                      r.relayName(),
                      Long.toString(r.orderId()),
                      SpreadsheetCsv.euros(r.faceValueCents()),
                      SpreadsheetCsv.euros(r.appliedCents()))));
    }
  }

  /** One redemption as read for the files. */
  record RedemptionLine(
      String code,
      LocalDateTime redeemedAt,
      long relayId,
      String relayName,
      long orderId,
      long faceValueCents,
      long appliedCents) {}

  /**
   * Reads the redemptions of the period in time order through a cursor (fetch size) on a connection
   * of its own, outside any transaction.
   */
  private static void eachRedemption(
      long programmeId, Period period, DataSource ds, Consumer<RedemptionLine> line) {
    String sql =
        "select v.code, r.occurred, r.relay_id, o.name, r.order_id, r.face_value_cents, r.cents from ("
            + LEDGER
            + ") r join voucher v on v.id = r.voucher_id"
            + " join organisation_name o on o.id = r.relay_id"
            + " where r.programme_id = ? and r.occurred >= ? and r.occurred < ?"
            + " order by r.occurred, r.reversal, r.id";
    Cursor.each(
        ds,
        "The reconciliation",
        sql,
        List.of(programmeId, period.start(), period.end()),
        rows ->
            line.accept(
                new RedemptionLine(
                    rows.getString(1),
                    rows.getTimestamp(2).toLocalDateTime(),
                    rows.getLong(3),
                    rows.getString(4),
                    rows.getLong(5),
                    rows.getLong(6),
                    rows.getLong(7))));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
