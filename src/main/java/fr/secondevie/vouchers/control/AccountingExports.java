package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.control.Cursor;
import fr.secondevie.platform.control.DataSourceConfig;
import fr.secondevie.platform.control.MachineCsv;
import fr.secondevie.platform.control.SpreadsheetCsv;
import fr.secondevie.vouchers.control.Reconciliation.Period;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the funder's public accountant reconciles its payments on, as CSV files for its accounting
 * software: every redemption and reversal (a device returned) of the caller's programmes over a
 * period, each with its programme, relay and the relay's SIRET, and the statement and invoice that
 * settle it; and the statements of the months of the period, with their amounts (redeemed,
 * reversed, net), agreement, invoice and payment. Machine CSVs as API.md's (commas, cents, codes),
 * instants with their offset, days as ISO dates, and no text cell a spreadsheet would run as a
 * formula.
 */
@ApplicationScoped
public class AccountingExports {

  public static final String[] REDEMPTIONS_HEADER = {
    "programme_id",
    "programme_name",
    "relay_id",
    "relay_name",
    "relay_siret",
    "kind",
    "code",
    "occurred_at",
    "order_id",
    "face_value_cents",
    "amount_cents",
    "statement_id",
    "statement_status",
    "invoice_number"
  };

  public static final String[] STATEMENTS_HEADER = {
    "programme_id",
    "programme_name",
    "month",
    "statement_id",
    "kind",
    "relay_id",
    "relay_name",
    "relay_siret",
    "status",
    "item_count",
    "redeemed_cents",
    "reversed_cents",
    "amount_cents",
    "agreement_date",
    "agreement_reference",
    "invoice_number",
    "invoiced_at",
    "payment_date",
    "payment_reference"
  };

  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;
  @Inject Directory directory;
  @Inject Invoices issued;

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  /**
   * A file to write: what the caller may read is settled when it is made (in the request), the
   * lines are read and written as the response streams.
   */
  @FunctionalInterface
  public interface Export {
    void writeTo(OutputStream out);
  }

  /** One line per redemption or reversal of the caller's programmes in the period, time order. */
  public Export redemptions(Period period) {
    List<VoucherProgramme> visible = programmes.visible();
    Map<String, Statement> statements = new HashMap<>();
    Map<Long, String> invoices = new HashMap<>();
    for (VoucherProgramme p : visible) {
      for (Statement s : statementsOf(p.id())) {
        if (s.kind() == Statement.Kind.RELAY_PAYMENT) {
          statements.put(key(p.id(), s.relayId(), s.period()), s);
        }
      }
      issued.issuedFor(p.id()).values().forEach(i -> invoices.put(i.statementId(), i.number()));
    }
    Map<Long, Organisation> relays = new HashMap<>();
    return out -> writeRedemptions(visible, statements, invoices, relays, period, out);
  }

  private void writeRedemptions(
      List<VoucherProgramme> visible,
      Map<String, Statement> statements,
      Map<Long, String> invoices,
      Map<Long, Organisation> relays,
      Period period,
      OutputStream out) {
    try (MachineCsv.Lines csv = MachineCsv.open(out, REDEMPTIONS_HEADER)) {
      for (VoucherProgramme programme : visible) {
        eachLine(
            programme.id(),
            period,
            line -> {
              Organisation relay =
                  relays.computeIfAbsent(line.relayId(), id -> directory.getOrganisation(id));
              Statement statement =
                  statements.get(
                      key(programme.id(), line.relayId(), YearMonth.from(line.occurredAt())));
              csv.row(
                  programme.id(),
                  text(programme.name()),
                  relay.id(),
                  text(relay.name()),
                  relay.siret(),
                  line.reversal() ? "REVERSAL" : "REDEMPTION",
                  VoucherCode.group(line.code()),
                  moment(line.occurredAt()),
                  line.orderId(),
                  line.faceValueCents(),
                  line.cents(),
                  statement == null ? null : statement.id(),
                  statement == null ? null : statement.status().name(),
                  statement == null ? null : invoices.get(statement.id()));
            });
      }
    }
  }

  /** One line per statement of the caller's programmes whose month is in the period. */
  public Export statements(Period period) {
    YearMonth first = YearMonth.from(period.from());
    YearMonth last = YearMonth.from(period.to());
    Map<Long, Organisation> relays = new HashMap<>();
    List<Object[]> rows = new java.util.ArrayList<>();
    for (VoucherProgramme programme : programmes.visible()) {
      Map<Long, Invoices.Issued> invoices = issued.issuedFor(programme.id());
      Map<Long, long[]> sums = lineSums(programme.id());
      List<Statement> ofPeriod =
          statementsOf(programme.id()).stream()
              .filter(s -> !s.period().isBefore(first) && !s.period().isAfter(last))
              .sorted(
                  java.util.Comparator.comparing(Statement::period).thenComparing(Statement::id))
              .toList();
      for (Statement s : ofPeriod) {
        Optional<Organisation> relay =
            Optional.ofNullable(s.relayId())
                .map(id -> relays.computeIfAbsent(id, directory::getOrganisation));
        Invoices.Issued invoice = invoices.get(s.id());
        long[] sum = sums.getOrDefault(s.id(), new long[2]);
        rows.add(
            new Object[] {
              programme.id(),
              text(programme.name()),
              s.period().toString(),
              s.id(),
              s.kind().name(),
              s.relayId(),
              relay.map(o -> text(o.name())).orElse(null),
              relay.map(Organisation::siret).orElse(null),
              s.status().name(),
              s.itemCount(),
              sum[0],
              sum[1],
              s.amount().cents(),
              day(s.agreementDate()),
              text(s.agreementReference()),
              invoice == null ? null : invoice.number(),
              invoice == null ? null : moment(invoice.issuedAt()),
              day(s.paymentDate()),
              text(s.paymentReference())
            });
      }
    }
    return out -> {
      try (MachineCsv.Lines csv = MachineCsv.open(out, STATEMENTS_HEADER)) {
        rows.forEach(csv::row);
      }
    };
  }

  private List<Statement> statementsOf(long programmeId) {
    return em.createNamedQuery("Statement.findByProgramme", Statement.class)
        .setParameter("programme", programmeId)
        .getResultList();
  }

  /** Per statement of the programme: what its lines redeemed and what they reversed (positive). */
  private Map<Long, long[]> lineSums(long programmeId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select l.statement_id,"
                    + " sum(case when l.amount_cents > 0 then l.amount_cents else 0 end),"
                    + " sum(case when l.amount_cents < 0 then -l.amount_cents else 0 end)"
                    + " from voucher_statement_line l join voucher_statement s"
                    + " on s.id = l.statement_id where s.programme_id = ?"
                    + " group by l.statement_id")
            .setParameter(1, programmeId)
            .getResultList();
    Map<Long, long[]> sums = new HashMap<>();
    for (Object[] row : rows) {
      sums.put(
          ((Number) row[0]).longValue(),
          new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
    return sums;
  }

  private static String key(long programme, long relay, YearMonth month) {
    return programme + "/" + relay + "/" + month;
  }

  /** One line of the funder's ledger as the export reads it. */
  record LedgerLine(
      String code,
      LocalDateTime occurredAt,
      long relayId,
      long orderId,
      long faceValueCents,
      long cents,
      boolean reversal) {}

  /**
   * Reads the ledger lines of a programme in the period in time order, through a cursor on a
   * connection of its own, outside any transaction (memory does not grow with the lines).
   */
  private void eachLine(
      long programmeId, Period period, java.util.function.Consumer<LedgerLine> line) {
    String sql =
        "select v.code, r.occurred, r.relay_id, r.order_id, r.face_value_cents, r.cents,"
            + " r.reversal from ("
            + Reconciliation.LEDGER
            + ") r join voucher v on v.id = r.voucher_id"
            + " where r.programme_id = ? and r.occurred >= ? and r.occurred < ?"
            + " order by r.occurred, r.reversal, r.id";
    Cursor.each(
        dataSource,
        "The accounting export",
        sql,
        List.of(programmeId, period.start(), period.end()),
        rows ->
            line.accept(
                new LedgerLine(
                    rows.getString(1),
                    rows.getTimestamp(2).toLocalDateTime(),
                    rows.getLong(3),
                    rows.getLong(4),
                    rows.getLong(5),
                    rows.getLong(6),
                    rows.getInt(7) == 1)));
  }

  /** A text cell that no spreadsheet runs as a formula (as the receipts' CSV writes it). */
  private static String text(String value) {
    return value == null ? null : SpreadsheetCsv.inert(value);
  }

  private static String moment(LocalDateTime at) {
    return WITH_OFFSET.format(at.atZone(ClockProducer.BUSINESS_ZONE));
  }

  private static String day(LocalDate day) {
    return day == null ? null : day.toString();
  }
}
