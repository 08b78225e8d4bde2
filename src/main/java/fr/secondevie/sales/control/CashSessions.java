package fr.secondevie.sales.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.sales.entity.CashSession;
import fr.secondevie.sales.entity.CashSessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A relay's cash sessions: opened with a float by a counter of the relay, one at a time (a second
 * is 409 CASH_SESSION_ALREADY_OPEN, naming the open one); every cash payment goes into the open
 * session (none: 409 NO_OPEN_CASH_SESSION; open for more than 24 h: 409 CASH_SESSION_TOO_OLD, to be
 * closed first); closed with the cash counted, once: the closing number of the relay, what should
 * be in the drawer, the difference, and what the journal recorded since the last closing, itself
 * recorded as a CLOSING entry. Opening and closing take the relay's journal head lock, so a sale
 * completing at that moment falls wholly before or after the closing.
 */
@ApplicationScoped
public class CashSessions {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Directory directory;
  @Inject SalesJournal journal;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Opens the relay's session with its float. */
  @Transactional
  public CashSession open(long relayId, long openingFloatCents) {
    requireOwnRelay(relayId, true);
    journal.lockHead(relayId);
    openAt(relayId)
        .ifPresent(
            open -> {
              throw BusinessException.conflict(
                      "CASH_SESSION_ALREADY_OPEN",
                      "A cash session is already open at this relay, since " + open.openedAt())
                  .with("sessionId", open.id());
            });
    CashSession session =
        new CashSession(
            relayId, Money.ofCents(openingFloatCents), caller.username(), LocalDateTime.now(clock));
    em.persist(session);
    em.flush();
    audit.record(
        "CASH_SESSION_OPENED",
        "CashSession",
        session.id(),
        "float " + openingFloatCents + " cents at relay " + relayId);
    return session;
  }

  /**
   * The open session of the relay, locked, for a cash payment or refund: the closing waits for the
   * payment, and a payment after the closing finds no session.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public CashSession forCash(long relayId, LocalDateTime now) {
    List<CashSession> open =
        em.createQuery(
                "select s from CashSession s where s.openRelayId = :relay", CashSession.class)
            .setParameter("relay", relayId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            // the act's pending changes (the payment about to go into this drawer) touch no
            // session: they are written once, with the drawer, instead of inserted then updated
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList();
    CashSession session =
        open.stream()
            .filter(CashSession::isOpen)
            .findFirst()
            .orElseThrow(
                () ->
                    BusinessException.conflict(
                        "NO_OPEN_CASH_SESSION",
                        "Open the cash session of the relay before taking cash"));
    if (session.tooOldAt(now)) {
      throw BusinessException.conflict(
              "CASH_SESSION_TOO_OLD",
              "The cash session opened on "
                  + session.openedAt()
                  + " is open for more than 24 hours: close it before the next cash sale")
          .with("sessionId", session.id());
    }
    return session;
  }

  /**
   * Closes the session with the cash counted. Closing a closed session again answers the same
   * closing, so two counters closing at once make one closing.
   */
  @Transactional
  public CashSession close(long relayId, long sessionId, long countedCents) {
    requireOwnRelay(relayId, true);
    CashSession session = em.find(CashSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null || session.relayId() != relayId) {
      throw BusinessException.notFound("Cash session");
    }
    if (!session.isOpen()) {
      return session;
    }
    journal.lockHead(relayId);
    LocalDateTime now = LocalDateTime.now(clock);
    var totals = totalsSinceLastClosing(relayId);
    long number =
        ((Number)
                    em.createNativeQuery(
                            "select coalesce(max(closing_number), 0) from cash_session"
                                + " where relay_id = ?")
                        .setParameter(1, relayId)
                        .getSingleResult())
                .longValue()
            + 1;
    Money expected = session.openingFloat().plus(Money.ofCents(cashTaken(sessionId)));
    session.close(number, expected, Money.ofCents(countedCents), totals, caller.username(), now);
    journal.append(
        relayId,
        SalesJournal.Kind.CLOSING,
        null,
        sessionId,
        new SalesJournal.Amounts(totals.cashCents(), totals.cardCents(), totals.voucherCents()),
        now);
    audit.record(
        "CASH_SESSION_CLOSED",
        "CashSession",
        sessionId,
        "closing "
            + number
            + ": expected "
            + expected.cents()
            + ", counted "
            + countedCents
            + " cents");
    return session;
  }

  /** A session of the relay, read. */
  @Transactional
  public CashSession get(long relayId, long sessionId) {
    requireOwnRelay(relayId, false);
    CashSession session = em.find(CashSession.class, sessionId);
    if (session == null || session.relayId() != relayId) {
      throw BusinessException.notFound("Cash session");
    }
    return session;
  }

  /** The relay's sessions, newest first, all or of one status. */
  @Transactional
  public List<CashSession> list(long relayId, CashSessionStatus status) {
    requireOwnRelay(relayId, false);
    var query =
        em.createQuery(
                "select s from CashSession s where s.relayId = :relay"
                    + (status == null ? "" : " and s.status = :status")
                    + " order by s.id desc",
                CashSession.class)
            .setParameter("relay", relayId)
            .setMaxResults(200);
    if (status != null) {
      query.setParameter("status", status);
    }
    return query.getResultList();
  }

  /** The session open at the relay now, if any. */
  @Transactional
  public Optional<CashSession> current(long relayId) {
    requireOwnRelay(relayId, false);
    return openAt(relayId);
  }

  /**
   * The cash the session's drawer took: cash payments still held (not handed back), less the cash
   * that returns gave back out of this drawer.
   */
  @Transactional
  public long cashTaken(long sessionId) {
    return ((Number)
            em.createNativeQuery(
                    "select (select coalesce(sum(amount_cents), 0) from sale_payment"
                        + " where cash_session_id = ?1 and status = 'SUCCEEDED')"
                        + " - (select coalesce(sum(amount_cents), 0) from sale_return_refund"
                        + " where cash_session_id = ?1)")
                .setParameter(1, sessionId)
                .getSingleResult())
        .longValue();
  }

  private CashSession.Totals totalsSinceLastClosing(long relayId) {
    int sales = 0;
    long cash = 0;
    long card = 0;
    long vouchers = 0;
    long refunds = 0;
    for (SalesJournal.Entry e : journal.sinceLastClosing(relayId)) {
      if (e.kind() == SalesJournal.Kind.SALE) {
        sales++;
      } else if (e.kind() == SalesJournal.Kind.REFUND) {
        refunds -= e.amountCents();
      }
      cash += e.cashCents();
      card += e.cardCents();
      vouchers += e.voucherCents();
    }
    return new CashSession.Totals(sales, cash, card, vouchers, refunds);
  }

  private Optional<CashSession> openAt(long relayId) {
    return em
        .createQuery("select s from CashSession s where s.openRelayId = :relay", CashSession.class)
        .setParameter("relay", relayId)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** Refuses (404) a relay the caller may not read: a counter reads its own, an admin any. */
  public void requireRelay(long relayId) {
    requireOwnRelay(relayId, false);
  }

  /**
   * A counter acts on its own relay only; an admin reads the relays of its territory; anything else
   * is 404.
   */
  void requireOwnRelay(long relayId, boolean acting) {
    var relay = directory.findOrganisation(relayId).filter(o -> o.kind() == OrganisationKind.RELAY);
    boolean own = caller.hasRole(Roles.COUNTER) && caller.organisationId() == relayId;
    boolean admin =
        !acting
            && caller.hasRole(Roles.ADMIN)
            && relay
                .filter(o -> Long.valueOf(caller.territoryId()).equals(o.territoryId()))
                .isPresent();
    if (relay.isEmpty() || !(own || admin)) {
      throw BusinessException.notFound("Relay");
    }
  }
}
