package fr.secondevie.sales.control;

import fr.secondevie.platform.control.ScheduledJobs;
import fr.secondevie.platform.control.Settings;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases what abandoned orders hold: every minute, each order left alone for longer than {@code
 * SECONDEVIE_ORDER_HOLD_MINUTES} expires (devices back on sale, vouchers released) in a transaction
 * of its own, then its card payments are cancelled or refunded with the provider, outside it. Card
 * money the provider was out of reach for (here, or when a counter cancelled) is tried again on the
 * next run. It runs once a minute across all instances ({@link ScheduledJobs}); were two runs to
 * meet anyway, each order is locked and checked again before it expires, and the provider's
 * idempotency keys make a second refund the first.
 */
@Singleton
public class HoldExpiryJob {

  private static final Logger LOG = Logger.getLogger(HoldExpiryJob.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Checkout checkout;
  @Inject CardPayments cards;
  @Inject CardSettlement settlement;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject ScheduledJobs jobs;

  @Schedule(hour = "*", minute = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void everyMinute() {
    jobs.runOnce(
        "hold-expiry",
        Duration.ofMinutes(1),
        () -> releaseLeftAlone(LocalDateTime.now(clock)) + " orders left alone expired");
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
          settle(id);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Order " + id + " could not expire yet", e);
      }
    }
    settlement.ordersToSettle().forEach(this::settle);
    return expired;
  }

  private void settle(long orderId) {
    try {
      cards.settle(orderId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The card payments of order " + orderId + " are not settled yet", e);
    }
  }
}
