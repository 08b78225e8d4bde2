package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.control.NumberSeries;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.entity.RelayInvoice;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.StatementLine;
import fr.secondevie.vouchers.entity.VoucherAudit;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The relay's invoice to the funder for an agreed statement (API.md, second part, "Authorities"):
 * issued the first time it is asked for, then the same document at every download. Issuing takes
 * the statement's row lock first, so two requests at once for one statement queue and the second
 * finds the first's invoice (the unique key of the statement holds if anything else tried); the
 * number is the next of the relay's series ({@link NumberSeries}, one unbroken series per relay)
 * taken in the same transaction.
 */
@ApplicationScoped
public class Invoices {

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;
  @Inject Statements statements;
  @Inject NumberSeries numbers;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * The invoice of a statement of a programme the caller sees (its funder, the coordination of its
   * territory), issued now if it was not: 409 STATEMENT_NOT_AGREED for a draft, 409
   * NOT_A_RELAY_STATEMENT for the funder's credit of expired vouchers, 409 NOTHING_TO_INVOICE when
   * the returns of the month took back as much as was redeemed, 422 SIRET_MISSING when the relay or
   * the funder has no SIRET to be named by.
   */
  @Transactional
  public Document invoiceOf(long programmeId, long statementId) {
    RelayInvoice invoice = issue(programmeId, statementId);
    return new Document("facture-" + invoice.number() + ".pdf", invoice.pdf());
  }

  @Transactional
  public RelayInvoice issue(long programmeId, long statementId) {
    VoucherProgramme programme = programmes.getVisible(programmeId);
    Statement statement = statements.get(programmeId, statementId);
    return issue(programme, statement);
  }

  /**
   * The invoice of one of the relay's statements for its counter (the relay is the seller: it
   * issues the invoice as the funder's download would, the same one): 404 for another relay's.
   */
  @Transactional
  public RelayInvoice issueAsRelay(long relayId, long statementId) {
    Statement statement = em.find(Statement.class, statementId);
    if (!caller.hasRole(Roles.COUNTER)
        || caller.organisationId() != relayId
        || statement == null
        || statement.relayId() == null
        || statement.relayId() != relayId) {
      throw BusinessException.notFound("Statement");
    }
    VoucherProgramme programme =
        programmes
            .find(statement.programmeId())
            .orElseThrow(() -> BusinessException.notFound("Statement"));
    return issue(programme, statement);
  }

  private RelayInvoice issue(VoucherProgramme programme, Statement statement) {
    long statementId = statement.id();
    em.createNativeQuery("select id from voucher_statement where id = ? for update")
        .setParameter(1, statementId)
        .getResultList();
    Optional<RelayInvoice> issued = find(statementId);
    if (issued.isPresent()) {
      return issued.get();
    }
    em.refresh(statement);
    if (statement.kind() != Statement.Kind.RELAY_PAYMENT) {
      throw BusinessException.conflict(
          "NOT_A_RELAY_STATEMENT",
          "This statement credits the funder with expired vouchers: no relay invoices it");
    }
    if (statement.status() == Statement.Status.DRAFT) {
      throw BusinessException.conflict(
          "STATEMENT_NOT_AGREED", "A statement is invoiced once the funder has agreed it");
    }
    if (statement.amount().cents() <= 0) {
      throw BusinessException.conflict(
          "NOTHING_TO_INVOICE",
          "The returns of " + statement.period() + " took back what was redeemed: nothing is due");
    }
    Organisation relay = directory.getOrganisation(statement.relayId());
    Organisation funder = directory.getOrganisation(programme.authorityId());
    requireSiret(relay, "relay");
    requireSiret(funder, "funder");
    List<StatementLine> lines = statements.lines(statement);
    Money redeemed = sum(lines, true);
    Money reversed = Money.ofCents(-sum(lines, false).cents());
    if (redeemed.minus(reversed).cents() != statement.amount().cents()) {
      throw new IllegalStateException("Statement " + statementId + " does not add up");
    }
    int sequence = numbers.next(RelayInvoice.SERIES, Long.toString(relay.id()));
    LocalDateTime now = LocalDateTime.now(clock);
    byte[] pdf =
        FacturX.render(
            new FacturX.Content(
                RelayInvoice.number(relay.id(), sequence),
                now,
                party(relay),
                party(funder),
                programme.serviceCode(),
                programme.commitmentNumber(),
                programme.name(),
                statementId,
                statement.period(),
                (int) lines.stream().filter(l -> l.amount().cents() > 0).count(),
                redeemed,
                (int) lines.stream().filter(l -> l.amount().cents() < 0).count(),
                reversed));
    RelayInvoice invoice =
        new RelayInvoice(statement, sequence, now, caller.username(), pdf, sha256(pdf));
    em.persist(invoice);
    em.flush();
    audit.record(
        VoucherAudit.STATEMENT_INVOICED,
        "VoucherStatement",
        statementId,
        invoice.number() + ", " + invoice.amount());
    return invoice;
  }

  public Optional<RelayInvoice> find(long statementId) {
    return em.createNamedQuery("RelayInvoice.ofStatement", RelayInvoice.class)
        .setParameter("statement", statementId)
        .getResultStream()
        .findFirst();
  }

  /** An invoice as a list names it: its statement, number and moment of issue (not its PDF). */
  public record Issued(long statementId, String number, LocalDateTime issuedAt) {}

  /** The invoices issued for the programme's statements, by statement (their PDFs not read). */
  public Map<Long, Issued> issuedFor(long programmeId) {
    List<Object[]> rows =
        em.createNamedQuery("RelayInvoice.numbersOfProgramme", Object[].class)
            .setParameter("programme", programmeId)
            .getResultList();
    return rows.stream()
        .map(r -> new Issued((Long) r[0], (String) r[1], (LocalDateTime) r[2]))
        .collect(Collectors.toMap(Issued::statementId, i -> i));
  }

  private static void requireSiret(Organisation organisation, String role) {
    if (organisation.siret() == null) {
      throw BusinessException.unprocessable(
          "SIRET_MISSING",
          "The "
              + role
              + " "
              + organisation.name()
              + " has no SIRET to be named by on an invoice: PUT /api/v1/organisations/"
              + organisation.id()
              + "/siret");
    }
  }

  private static FacturX.Party party(Organisation o) {
    return new FacturX.Party(o.name(), o.siret(), o.address(), o.postalCode(), o.city());
  }

  private static Money sum(List<StatementLine> lines, boolean positive) {
    return Money.ofCents(
        lines.stream()
            .mapToLong(l -> l.amount().cents())
            .filter(c -> positive ? c > 0 : c < 0)
            .sum());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
