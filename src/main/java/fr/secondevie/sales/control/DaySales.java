package fr.secondevie.sales.control;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.sales.entity.OrderStatus;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.SaleOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A relay's day at the counter: the orders opened or closed that day (in the relay's time), of one
 * status or all, and what the paid ones brought by means of payment. The open ones are those to
 * resume after a closed browser or a lost instance. The query is scoped by the counter's relay.
 */
@ApplicationScoped
public class DaySales {

  /**
   * The day's orders and the totals of the paid ones, in cents.
   *
   * @param paidCount how many orders were paid
   */
  public record Day(
      LocalDate date,
      List<OrderSummary> orders,
      int paidCount,
      long cashCents,
      long cardCents,
      long voucherCents) {

    public long totalCents() {
      return cashCents + cardCents + voucherCents;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject Orders orders;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * The counter's relay's orders of that day ({@code yyyy-MM-dd}, default today) and status (any
   * when null): 400 INVALID_INPUT for a date or a status that is none.
   */
  @Transactional
  public Day of(String date, String status) {
    LocalDate day = day(date);
    OrderStatus only = status(status);
    var query =
        em.createQuery(
                "select o from SaleOrder o where o.relayId = :relay"
                    + " and ((o.openedAt >= :from and o.openedAt < :to)"
                    + " or (o.closedAt >= :from and o.closedAt < :to))"
                    + (only == null ? "" : " and o.status = :status")
                    + " order by o.openedAt desc, o.id desc",
                SaleOrder.class)
            .setParameter("relay", caller.organisationId())
            .setParameter("from", day.atStartOfDay())
            .setParameter("to", day.plusDays(1).atStartOfDay())
            .setMaxResults(1000);
    if (only != null) {
      query.setParameter("status", only);
    }
    List<SaleOrder> found = query.getResultList();
    List<SaleOrder> paid = found.stream().filter(o -> o.status() == OrderStatus.PAID).toList();
    return new Day(
        day,
        found.stream().map(orders::summary).toList(),
        paid.size(),
        paid.stream().mapToLong(o -> o.paidCents(PaymentMethod.CASH)).sum(),
        paid.stream().mapToLong(o -> o.paidCents(PaymentMethod.CARD)).sum(),
        paid.stream().mapToLong(o -> o.vouchersApplied().cents()).sum());
  }

  private LocalDate day(String date) {
    if (date == null || date.isBlank()) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(date.trim());
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid("date", "a day as yyyy-MM-dd");
    }
  }

  private static OrderStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid("status", "OPEN, PAID, CANCELLED or EXPIRED");
    }
  }
}
