package fr.secondevie.payments.control;

import fr.secondevie.payments.control.StripeWebhook.ReceivedEvent;
import fr.secondevie.payments.entity.CardPaymentSettled;
import fr.secondevie.payments.entity.PaymentAudit;
import fr.secondevie.platform.control.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * The events Stripe sent, each applied once. Stripe delivers at least once: it retries until it
 * gets a 2xx, a replay tool can send an old event again, and two deliveries of one event can arrive
 * at the same moment on two threads or two servers. So the event's id is written first, and only
 * the transaction whose row went in applies the event; the table's primary key decides, not a read
 * in Java.
 *
 * <p>The settlement is announced to sales inside the same transaction, so if applying it fails the
 * event is not recorded either and Stripe's retry gets another chance.
 */
@ApplicationScoped
public class StripeEventLog {

  static final String APPLIED = "APPLIED";
  static final String IGNORED = "IGNORED";

  private static final String UNIQUE_VIOLATION = "23505";

  /** Lock timeouts (H2, PostgreSQL), deadlock and serialization failures. */
  private static final Set<String> BUSY = Set.of("HYT00", "55P03", "40P01", "40001");

  @PersistenceContext EntityManager em;
  @Inject Event<CardPaymentSettled> settlements;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Stores the event and, if it settles a card payment, announces it. A concurrent delivery of the
   * same event makes the insert fail with a unique violation, which {@link #isDuplicate} recognises
   * once the transaction has rolled back.
   *
   * @return false when the event was already stored, and nothing was done
   */
  @Transactional
  public boolean applyOnce(ReceivedEvent event) {
    int stored =
        em.createNativeQuery(
                "insert into stripe_event (id, event_type, intent_id, received_at, outcome)"
                    + " select cast(? as varchar(255)), cast(? as varchar(100)),"
                    + " cast(? as varchar(255)), cast(? as timestamp), cast(? as varchar(20))"
                    + " where not exists (select 1 from stripe_event where id = ?)")
            .setParameter(1, event.id())
            .setParameter(2, event.type())
            .setParameter(3, event.intentId())
            .setParameter(4, LocalDateTime.now(clock))
            .setParameter(5, event.settlement() == null ? IGNORED : APPLIED)
            .setParameter(6, event.id())
            .executeUpdate();
    if (stored == 0) {
      return false;
    }
    CardPaymentSettled settled = event.settlement();
    if (settled != null) {
      settlements.fire(settled);
      audit.record(
          settled.succeeded()
              ? PaymentAudit.CARD_PAYMENT_SUCCEEDED
              : PaymentAudit.CARD_PAYMENT_FAILED,
          "PaymentIntent",
          settled.intentId(),
          "Stripe event "
              + settled.eventId()
              + (settled.amountCents() > 0
                  ? ", " + settled.amountCents() + " cents"
                  : ", " + event.type()));
    }
    return true;
  }

  /**
   * Whether a failure of {@link #applyOnce} was another delivery of the same event getting there
   * first: a unique violation (SQLSTATE 23505 on H2 and PostgreSQL) on this table.
   */
  public static boolean isDuplicate(Throwable failure) {
    SQLException sql = sqlCause(failure);
    return sql != null
        && UNIQUE_VIOLATION.equals(sql.getSQLState())
        && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("stripe_event");
  }

  /**
   * Whether a failure of {@link #applyOnce} was a wait for another delivery of the same event that
   * took too long (H2 gives up on a lock after 2 s): whether that one applied the event is not
   * known yet, so the delivery must be refused and retried by Stripe, not acknowledged.
   */
  public static boolean isStillBeingApplied(Throwable failure) {
    SQLException sql = sqlCause(failure);
    return sql != null && BUSY.contains(String.valueOf(sql.getSQLState()));
  }

  private static SQLException sqlCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
