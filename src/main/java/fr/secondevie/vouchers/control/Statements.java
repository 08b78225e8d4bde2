package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.StatementLine;
import fr.secondevie.vouchers.entity.VoucherAudit;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The monthly settlement of a programme: one statement per relay for the vouchers it redeemed that
 * month, less the shares of devices returned that month (a reversal line with a negative amount: a
 * statement already agreed or paid is never changed, the month of the return nets it), and one
 * credit to the funder for the vouchers that expired unused that month. A DRAFT is recomputed each
 * time the month is drawn up again; AGREED freezes it (its lines no longer change); PAID closes it.
 * Each move is a conditional update.
 */
@ApplicationScoped
public class Statements {

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * Draws up (or redraws) the month's statements; agreed or paid ones are kept as they are. Draws
   * of one programme take its row lock first, so that draws at once run one after the other: each
   * finds the drafts the one before left, recomputes them in place and answers them (the same
   * statements, by id), and the unique key of a programme, month and relay holds if anything else
   * tried.
   */
  @Transactional
  public List<Statement> drawUp(long programmeId, YearMonth month) {
    VoucherProgramme programme = programmes.getOwn(programmeId);
    if (month.isAfter(YearMonth.now(clock))) {
      throw BusinessException.unprocessable("MONTH_NOT_STARTED", "This month has not started");
    }
    em.createNativeQuery("select id from voucher_programme where id = ? for update")
        .setParameter(1, programmeId)
        .getResultList();
    List<Statement> existing = ofMonth(programmeId, month);
    List<Statement> drawn = new ArrayList<>();
    Timestamp start = Timestamp.valueOf(month.atDay(1).atStartOfDay());
    Timestamp end = Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay());
    LocalDateTime now = LocalDateTime.now(clock);
    @SuppressWarnings("unchecked")
    List<Object[]> relays =
        em.createNativeQuery(
                "select relay_id, count(*), sum(cents) from ("
                    + Reconciliation.LEDGER
                    + ") r where programme_id = ? and occurred >= ? and occurred < ?"
                    + " group by relay_id order by relay_id")
            .setParameter(1, programmeId)
            .setParameter(2, start)
            .setParameter(3, end)
            .getResultList();
    for (Object[] relay : relays) {
      long relayId = ((Number) relay[0]).longValue();
      Statement statement =
          draft(
              existing,
              new Statement(
                  programmeId,
                  relayId,
                  Statement.Kind.RELAY_PAYMENT,
                  month,
                  ((Number) relay[1]).intValue(),
                  Money.ofCents(((Number) relay[2]).longValue()),
                  now));
      if (statement == null) {
        continue;
      }
      drawn.add(statement);
      em.createNativeQuery(
              "insert into voucher_statement_line (statement_id, voucher_code, occurred_at,"
                  + " order_id, face_value_cents, amount_cents)"
                  + " select ?, v.code, r.occurred, r.order_id, r.face_value_cents, r.cents from ("
                  + Reconciliation.LEDGER
                  + ") r join voucher v on v.id = r.voucher_id"
                  + " where r.programme_id = ? and r.relay_id = ?"
                  + " and r.occurred >= ? and r.occurred < ?")
          .setParameter(1, statement.id())
          .setParameter(2, programmeId)
          .setParameter(3, relayId)
          .setParameter(4, start)
          .setParameter(5, end)
          .executeUpdate();
    }
    Object[] expired =
        (Object[])
            em.createNativeQuery(
                    "select count(*), coalesce(sum(p.face_value_cents), 0) from voucher v"
                        + " join voucher_programme p on p.id = v.programme_id"
                        + " where v.programme_id = ? and v.status = 'EXPIRED'"
                        + " and v.expired_at >= ? and v.expired_at < ?")
                .setParameter(1, programmeId)
                .setParameter(2, start)
                .setParameter(3, end)
                .getSingleResult();
    int expiredCount = ((Number) expired[0]).intValue();
    Statement credit =
        expiredCount == 0
            ? null
            : draft(
                existing,
                new Statement(
                    programmeId,
                    null,
                    Statement.Kind.FUNDER_CREDIT,
                    month,
                    expiredCount,
                    Money.ofCents(((Number) expired[1]).longValue()),
                    now));
    if (credit != null) {
      drawn.add(credit);
      em.createNativeQuery(
              "insert into voucher_statement_line (statement_id, voucher_code, occurred_at,"
                  + " order_id, face_value_cents, amount_cents)"
                  + " select ?, v.code, v.expired_at, null, ?, ? from voucher v"
                  + " where v.programme_id = ? and v.status = 'EXPIRED'"
                  + " and v.expired_at >= ? and v.expired_at < ?")
          .setParameter(1, credit.id())
          .setParameter(2, programme.faceValue().cents())
          .setParameter(3, programme.faceValue().cents())
          .setParameter(4, programmeId)
          .setParameter(5, start)
          .setParameter(6, end)
          .executeUpdate();
    }
    for (Statement stale : existing) {
      if (stale.status() == Statement.Status.DRAFT && !drawn.contains(stale)) {
        deleteLines(stale);
        em.remove(stale);
      }
    }
    em.flush();
    audit.record(
        VoucherAudit.VOUCHER_STATEMENTS_DRAWN_UP,
        "VoucherProgramme",
        programmeId,
        month.toString());
    return ofMonth(programmeId, month);
  }

  /**
   * The draft to fill with the lines of {@code computed}: the month's draft of the same relay (or
   * the credit) recomputed, or {@code computed} stored as a new one; null when that statement is
   * already agreed or paid (kept as it is).
   */
  private Statement draft(List<Statement> existing, Statement computed) {
    Statement current =
        existing.stream()
            .filter(
                s -> s.kind() == computed.kind() && Objects.equals(s.relayId(), computed.relayId()))
            .findFirst()
            .orElse(null);
    if (current == null) {
      em.persist(computed);
      em.flush();
      return computed;
    }
    if (current.status() != Statement.Status.DRAFT) {
      return null;
    }
    current.redraw(computed.itemCount(), computed.amount());
    deleteLines(current);
    return current;
  }

  private void deleteLines(Statement statement) {
    em.createNativeQuery("delete from voucher_statement_line where statement_id = ?")
        .setParameter(1, statement.id())
        .executeUpdate();
  }

  /**
   * The date and reference an agreement or a payment records: the date the funder gives (none:
   * today; never after today), and its reference (the decision, the payment mandate's number).
   */
  public record Settlement(LocalDate date, String reference) {
    public static final Settlement NONE = new Settlement(null, null);
  }

  /**
   * The funder agrees the statement: its lines are frozen. Agreeing again answers the same. A
   * statement of a month not over is 409 MONTH_NOT_OVER.
   */
  @Transactional
  public Statement agree(long programmeId, long statementId, Settlement settlement) {
    return move(
        programmeId, statementId, Statement.Status.DRAFT, Statement.Status.AGREED, settlement);
  }

  /**
   * The funder has paid (or credited) it, on a date not before the agreement's. Paying again
   * answers the same.
   */
  @Transactional
  public Statement pay(long programmeId, long statementId, Settlement settlement) {
    return move(
        programmeId, statementId, Statement.Status.AGREED, Statement.Status.PAID, settlement);
  }

  private Statement move(
      long programmeId,
      long statementId,
      Statement.Status from,
      Statement.Status to,
      Settlement settlement) {
    Statement statement = getOwn(programmeId, statementId);
    if (statement.status() == to) {
      return statement;
    }
    LocalDate today = LocalDate.now(clock);
    if (statement.isProvisionalOn(today)) {
      throw BusinessException.conflict(
          "MONTH_NOT_OVER",
          "The month "
              + statement.period()
              + " is not over: its statement is provisional until then");
    }
    LocalDate date = settlement.date() == null ? today : settlement.date();
    if (date.isAfter(today)) {
      throw BusinessException.invalid("date", "must not be after today");
    }
    if (to == Statement.Status.PAID
        && statement.agreementDate() != null
        && date.isBefore(statement.agreementDate())) {
      throw BusinessException.invalid(
          "date", "must not be before the agreement (" + statement.agreementDate() + ")");
    }
    String reference =
        settlement.reference() == null || settlement.reference().isBlank()
            ? null
            : settlement.reference().strip();
    boolean agreeing = to == Statement.Status.AGREED;
    var update =
        em.createNativeQuery(
                "update voucher_statement set status = ?, "
                    + (agreeing
                        ? "agreed_at = ?, agreement_date = ?, agreement_reference = ?, agreed_by = ?"
                        : "paid_at = ?, payment_date = ?, payment_reference = ?")
                    + " where id = ? and status = ?")
            .setParameter(1, to.name())
            .setParameter(2, Timestamp.valueOf(LocalDateTime.now(clock)))
            .setParameter(3, java.sql.Date.valueOf(date))
            .setParameter(4, reference);
    int next = 5;
    if (agreeing) {
      update.setParameter(next++, caller.username());
    }
    int rows =
        update.setParameter(next++, statementId).setParameter(next, from.name()).executeUpdate();
    if (rows != 1) {
      throw BusinessException.conflict(
          "STATEMENT_NOT_" + from.name(),
          "This statement is "
              + statement.status().name().toLowerCase()
              + ", not "
              + from.name().toLowerCase());
    }
    em.refresh(statement);
    audit.record(
        "VOUCHER_STATEMENT_" + to.name(),
        "VoucherStatement",
        statementId,
        statement.period() + ", " + statement.amount());
    return statement;
  }

  public List<Statement> list(long programmeId) {
    programmes.getVisible(programmeId);
    return em.createNamedQuery("Statement.findByProgramme", Statement.class)
        .setParameter("programme", programmeId)
        .getResultList();
  }

  public Statement get(long programmeId, long statementId) {
    programmes.getVisible(programmeId);
    return statementOf(programmeId, statementId);
  }

  private Statement getOwn(long programmeId, long statementId) {
    programmes.getOwn(programmeId);
    return statementOf(programmeId, statementId);
  }

  private Statement statementOf(long programmeId, long statementId) {
    Statement statement = em.find(Statement.class, statementId);
    if (statement == null || statement.programmeId() != programmeId) {
      throw BusinessException.notFound("Statement");
    }
    if (em.contains(statement)) {
      em.refresh(statement);
    }
    return statement;
  }

  public List<StatementLine> lines(Statement statement) {
    return em.createNamedQuery("StatementLine.findByStatement", StatementLine.class)
        .setParameter("statement", statement.id())
        .getResultList();
  }

  public String relayName(Statement statement) {
    return statement.relayId() == null
        ? null
        : directory.findOrganisation(statement.relayId()).map(Organisation::name).orElse("");
  }

  private List<Statement> ofMonth(long programmeId, YearMonth month) {
    return em.createNamedQuery("Statement.findByProgrammeAndPeriod", Statement.class)
        .setParameter("programme", programmeId)
        .setParameter("period", month.toString())
        .getResultList();
  }
}
