package fr.secondevie.sales.control;

import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.sales.entity.SaleOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * How sales finds an order. A counter sees the orders of its relay (an admin: those of its
 * territory's relays), another relay's is not found. Every act on an order first locks its row
 * (PESSIMISTIC_WRITE), so two counters, the hold job and the card provider acting on one order
 * queue up.
 */
@ApplicationScoped
public class Orders {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Settings settings;

  /** An order of the caller's relay, read without a lock. */
  public SaleOrder get(long orderId) {
    return own(orderId, LockModeType.NONE);
  }

  /** An order of the caller's relay as the counter reads it. */
  @Transactional
  public OrderSummary read(long orderId) {
    return summary(get(orderId));
  }

  /** An order of the caller's relay, locked for an act. */
  public SaleOrder lock(long orderId) {
    return own(orderId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Any order, locked: for the acts no counter asks for (the hold job, the card provider). */
  public Optional<SaleOrder> lockAny(long orderId) {
    return Optional.ofNullable(em.find(SaleOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE));
  }

  /** The order a card payment's PaymentIntent belongs to. */
  public Optional<Long> ofIntent(String intentId) {
    List<?> owners =
        em.createNativeQuery("select order_id from sale_payment where intent_id = ?")
            .setParameter(1, intentId)
            .getResultList();
    return owners.stream().map(o -> ((Number) o).longValue()).findFirst();
  }

  /** The order as the counter, the API and the receipt read it. */
  public OrderSummary summary(SaleOrder order) {
    return OrderSummary.of(order, settings.orderHoldMinutes());
  }

  /**
   * The order if the caller may act on it, scoped in the query: a counter's relay's, or one of a
   * relay of the admin's territory.
   */
  private SaleOrder own(long orderId, LockModeType lock) {
    boolean admin = caller.hasRole(Roles.ADMIN);
    return em.createQuery(
            admin
                ? "select o from SaleOrder o where o.id = :id and o.relayId in"
                    + " (select r.id from Organisation r where r.territoryId = :scope)"
                : "select o from SaleOrder o where o.id = :id and o.relayId = :scope",
            SaleOrder.class)
        .setParameter("id", orderId)
        .setParameter("scope", admin ? caller.territoryId() : caller.organisationId())
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Order"));
  }
}
