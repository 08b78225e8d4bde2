package fr.secondevie.sales.control;

import fr.secondevie.platform.control.Settings;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases what abandoned orders hold: every minute, each order left alone for longer than {@code
 * SECONDEVIE_ORDER_HOLD_MINUTES} expires (devices back on sale, vouchers released, card payments
 * cancelled or refunded), each in a transaction of its own so one failure (the card provider out of
 * reach) leaves the others to go and is retried on the next run. Two instances running it at once
 * are harmless: each order is locked and checked again before it expires.
 */
@Singleton
public class HoldExpiryJob {

  private static final Logger LOG = Logger.getLogger(HoldExpiryJob.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Checkout checkout;
  @Inject Settings settings;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyMinute() {
    int expired = releaseLeftAlone(LocalDateTime.now(clock));
    if (expired > 0) {
      LOG.info(() -> expired + " orders left alone expired");
    }
  }

  /**
   * Expires the orders left alone at {@code now}.
   *
   * @return how many expired
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int releaseLeftAlone(LocalDateTime now) {
    LocalDateTime cutoff = now.minusMinutes(settings.orderHoldMinutes());
    List<Long> candidates =
        em.createNamedQuery("SaleOrder.findLeftAlone", Long.class)
            .setParameter("before", cutoff)
            .setMaxResults(500)
            .getResultList();
    int expired = 0;
    for (Long id : candidates) {
      try {
        if (checkout.expire(id, cutoff, now)) {
          expired++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Order " + id + " could not expire yet", e);
      }
    }
    return expired;
  }
}
