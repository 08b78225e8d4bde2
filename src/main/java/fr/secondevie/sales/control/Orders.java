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
import java.sql.Timestamp;
import java.time.LocalDateTime;
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
    return own(orderId, LockModeType.NONE, null);
  }

  /** An order of the caller's relay as the counter reads it. */
  @Transactional
  public OrderSummary read(long orderId) {
    return summary(get(orderId));
  }

  /** An order of the caller's relay, locked for an act. */
  public SaleOrder lock(long orderId) {
    return own(orderId, LockModeType.PESSIMISTIC_WRITE, null);
  }

  /**
   * An order of the caller's relay, locked for a counter's act that runs its hold again from {@code
   * now} ({@link SaleOrder#touch}): the UPDATE that locks the row writes the activity too (an order
   * no longer open keeps its own), so the act's {@code touch(now)} changes nothing more and the
   * order is not written a second time for it.
   */
  public SaleOrder lockToAct(long orderId, LocalDateTime now) {
    return own(orderId, LockModeType.PESSIMISTIC_WRITE, now);
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
   * relay of the admin's territory. Locked, its row is locked first by a statement of its own
   * ({@link #lockRow}: PostgreSQL locks no row on the nullable side of an outer join); then the
   * order is read with its lines, vouchers and payments in one query, as the database holds them
   * once locked, instead of one query for the order and one for each of its lists.
   */
  private SaleOrder own(long orderId, LockModeType lock, LocalDateTime touchedAt) {
    boolean admin = caller.hasRole(Roles.ADMIN);
    long scope = admin ? caller.territoryId() : caller.organisationId();
    String ofCaller =
        admin
            ? " o.relay_id in (select r.id from organisation_place r where r.territory_id = ?)"
            : " o.relay_id = ?";
    if (lock == LockModeType.PESSIMISTIC_WRITE && !lockRow(orderId, ofCaller, scope, touchedAt)) {
      throw BusinessException.notFound("Order");
    }
    return em.createQuery(
            "select distinct o from SaleOrder o left join fetch o.lines l"
                + " left join fetch o.vouchers v left join fetch o.payments p"
                + " where o.id = :id and "
                + (admin
                    ? "o.relayId in (select r.id from Organisation r where r.territoryId = :scope)"
                    : "o.relayId = :scope")
                + " order by l.lineNumber, v.id, p.id",
            SaleOrder.class)
        .setParameter("id", orderId)
        .setParameter("scope", scope)
        .setHint("eclipselink.refresh", "true")
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Order"));
  }

  /**
   * Locks the order's row if the caller may act on it: by a plain SELECT … FOR UPDATE, or, for an
   * act that runs the hold again ({@code touchedAt}), by the UPDATE that writes its activity.
   *
   * @return whether the caller's order was there
   */
  private boolean lockRow(long orderId, String ofCaller, long scope, LocalDateTime touchedAt) {
    if (touchedAt == null) {
      return !em.createNativeQuery(
              "select o.id from sale_order o where o.id = ? and" + ofCaller + " for update")
          .setParameter(1, orderId)
          .setParameter(2, scope)
          .getResultList()
          .isEmpty();
    }
    return em.createNativeQuery(
                "update sale_order o set last_activity_at = case when o.status = 'OPEN'"
                    + " then ? else o.last_activity_at end where o.id = ? and"
                    + ofCaller)
            .setParameter(1, Timestamp.valueOf(touchedAt))
            .setParameter(2, orderId)
            .setParameter(3, scope)
            .executeUpdate()
        == 1;
  }
}
