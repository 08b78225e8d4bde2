package fr.secondevie.sales.control;

import fr.secondevie.payments.control.PaymentGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A card refund asked of the provider, retried safely. Stripe keeps the answer it gave under an
 * idempotency key, errors included, and replays it to every retry with that key: a refund it
 * refused once would be refused for as long as it keeps the key. So each refusal is counted in a
 * transaction of its own (the act that met it rolls back), and the next attempt first looks up
 * whether a refund with our reference was made all the same (a 500 may hide one), then asks again
 * under a new key. A call that got no answer at all keeps its key: the provider may have refunded,
 * and the same key gets that refund back, never a second one.
 */
@ApplicationScoped
public class CardRefundAttempts {

  @PersistenceContext EntityManager em;
  @Inject PaymentGateway gateway;
  @Inject Clock clock;
  @Inject CardRefundAttempts self;

  /**
   * Refunds that many cents of a PaymentIntent once under our reference (the refund's first
   * idempotency key).
   *
   * @return the provider's refund id
   */
  public String refund(String intentId, long cents, String reference) {
    int refusals = refusals(reference);
    if (refusals > 0) {
      var made = gateway.refundOf(intentId, reference);
      if (made.isPresent()) {
        return made.get();
      }
    }
    String key = refusals == 0 ? reference : reference + "-retry-" + refusals;
    try {
      return gateway.refund(intentId, cents, key, reference);
    } catch (PaymentGateway.ProviderAnswered refused) {
      self.refused(reference, refused.getMessage());
      throw refused;
    }
  }

  int refusals(String reference) {
    List<?> found =
        em.createNativeQuery("select refusals from card_refund_attempt where refund_key = ?")
            .setParameter(1, reference)
            .getResultList();
    return found.isEmpty() ? 0 : ((Number) found.get(0)).intValue();
  }

  /** Counts a refusal, whatever becomes of the transaction that met it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refused(String reference, String error) {
    String detail = error == null ? null : error.substring(0, Math.min(500, error.length()));
    LocalDateTime now = LocalDateTime.now(clock);
    int updated =
        em.createNativeQuery(
                "update card_refund_attempt set refusals = refusals + 1, last_error = ?,"
                    + " refused_at = ? where refund_key = ?")
            .setParameter(1, detail)
            .setParameter(2, now)
            .setParameter(3, reference)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "insert into card_refund_attempt (refund_key, refusals, last_error, refused_at)"
                  + " values (?, 1, ?, ?)")
          .setParameter(1, reference)
          .setParameter(2, detail)
          .setParameter(3, now)
          .executeUpdate();
    }
  }
}
