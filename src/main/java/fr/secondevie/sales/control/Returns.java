package fr.secondevie.sales.control;

import fr.secondevie.devices.control.CounterDevices;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.NumberSeries;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.sales.entity.CashSession;
import fr.secondevie.sales.entity.LineKind;
import fr.secondevie.sales.entity.OrderLine;
import fr.secondevie.sales.entity.OrderStatus;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.ReturnAllocation;
import fr.secondevie.sales.entity.ReturnReason;
import fr.secondevie.sales.entity.ReturnRefund;
import fr.secondevie.sales.entity.SaleOrder;
import fr.secondevie.sales.entity.SaleReturn;
import fr.secondevie.vouchers.control.VoucherLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Returns at the counter, under the legal warranty or within the return period: a device of a paid
 * order comes back, and everything that paid for it is given back in one transaction (its shares as
 * {@link ReturnAllocation} computes them). The device goes back to its workshop as RETURNED, the
 * person's quota unit is given back, each voucher's share is reversed for its funder (the voucher
 * ISSUED again when it paid only for returned devices), cash leaves the open session's drawer,
 * cards are refunded at the provider, a credit note is numbered and the refund is a REFUND entry of
 * the relay's journal.
 *
 * <p>The order row is locked first, so two returns of one order queue up, and the second finds the
 * first (409 ALREADY_RETURNED); the unique key of a device and order holds besides, across
 * instances. The card refunds are asked of the provider after every check and before anything is
 * written, each under an idempotency key of the return and the payment: a refusal (502) leaves no
 * half return, and the retry that completes it gets the same refunds back, never a second one; a
 * refund Stripe answered with an error is asked again under a new key ({@link CardRefundAttempts}).
 */
@ApplicationScoped
public class Returns {

  @PersistenceContext EntityManager em;
  @Inject Orders orders;
  @Inject CounterDevices devices;
  @Inject Beneficiaries beneficiaries;
  @Inject VoucherLedger ledger;
  @Inject CashSessions cashSessions;
  @Inject SalesJournal journal;
  @Inject NumberSeries creditNotes;
  @Inject CardRefundAttempts cardRefundAttempts;
  @Inject Settings settings;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * Returns a device of a paid order of the caller's relay. Refusals: 404 for another relay's order
   * or a device not on it, 409 ORDER_NOT_PAID, 409 ALREADY_RETURNED, 422 RETURN_PERIOD_OVER, 409
   * NO_OPEN_CASH_SESSION when cash is to be given back, 502 PAYMENT_PROVIDER_ERROR when the card
   * refund is refused.
   */
  @Transactional
  public SaleReturn returnDevice(long orderId, long deviceId, ReturnReason reason, String note) {
    SaleOrder order = orders.lock(orderId);
    if (order.status() != OrderStatus.PAID) {
      throw BusinessException.conflict(
          "ORDER_NOT_PAID", "Only a device of a paid order can be returned");
    }
    OrderLine line =
        order.lines().stream()
            .filter(l -> l.kind() == LineKind.DEVICE && l.deviceId() == deviceId)
            .findFirst()
            .orElseThrow(() -> BusinessException.notFound("Device on this order"));
    List<SaleReturn> before = ofOrder(orderId);
    if (before.stream().anyMatch(r -> r.deviceId() == deviceId)) {
      throw alreadyReturned();
    }
    LocalDateTime now = LocalDateTime.now(clock);
    requireWithinPeriod(order.closedAt(), reason, now);
    Set<Integer> returnedLines =
        before.stream().map(SaleReturn::lineNumber).collect(Collectors.toSet());
    ReturnAllocation.LineShares shares =
        ReturnAllocation.of(order).line(line.lineNumber(), returnedLines);
    requireWithinPayments(order, shares);
    CashSession drawer =
        shares.paidCents(PaymentMethod.CASH) > 0
            ? cashSessions.forCash(order.relayId(), now)
            : null;
    Map<Long, String> cardRefunds = new HashMap<>();
    for (ReturnAllocation.PaymentShare share : shares.payments()) {
      if (share.method() == PaymentMethod.CARD) {
        cardRefunds.put(
            share.paymentId(),
            cardRefundAttempts.refund(
                share.intentId(),
                share.cents(),
                SaleReturn.refundKey(orderId, deviceId, share.paymentId())));
      }
    }
    SaleReturn saleReturn =
        new SaleReturn(
            order,
            line,
            reason,
            note,
            shares,
            drawer == null ? null : drawer.id(),
            SaleReturn.creditNoteNumber(
                order.relayId(),
                creditNotes.next(SaleReturn.CREDIT_NOTE_SERIES, Long.toString(order.relayId()))),
            caller.username(),
            now);
    for (ReturnRefund refund : saleReturn.refunds()) {
      if (refund.method() == PaymentMethod.CARD) {
        refund.refundedByProvider(cardRefunds.get(refund.paymentId()));
      }
    }
    try {
      em.persist(saleReturn);
      em.flush();
    } catch (PersistenceException raced) {
      throw alreadyReturned();
    }
    devices.returnFromSale(deviceId, reason.name(), saleReturn.note(), now);
    beneficiaries.giveBackQuota(order.beneficiaryId(), line.category(), String.valueOf(deviceId));
    for (ReturnAllocation.VoucherShare share : shares.vouchers()) {
      ledger.reverse(
          orderId, share.code(), share.cents(), share.reinstated(), reference(saleReturn), now);
    }
    journal.append(
        order.relayId(),
        SalesJournal.Kind.REFUND,
        orderId,
        drawer == null ? null : drawer.id(),
        new SalesJournal.Amounts(
            saleReturn.cashCents(), saleReturn.cardCents(), saleReturn.voucherCents()),
        now);
    audit.record(
        "ORDER_DEVICE_RETURNED",
        "SaleOrder",
        orderId,
        "device "
            + line.serialNumber()
            + " ("
            + reason
            + "), credit note "
            + saleReturn.creditNoteNumber()
            + ": vouchers "
            + saleReturn.voucherCents()
            + ", cash "
            + saleReturn.cashCents()
            + ", card "
            + saleReturn.cardCents()
            + " cents");
    return saleReturn;
  }

  /** The returns of an order of the caller's relay, oldest first. */
  @Transactional
  public List<SaleReturn> list(long orderId) {
    orders.get(orderId);
    return ofOrder(orderId);
  }

  /** The person an order of the caller's relay was sold to (an exchange sells to them again). */
  @Transactional
  public String beneficiaryOf(long orderId) {
    return orders.get(orderId).beneficiaryId();
  }

  /** One return of an order of the caller's relay; any other is not found. */
  @Transactional
  public SaleReturn get(long orderId, long returnId) {
    orders.get(orderId);
    SaleReturn found = em.find(SaleReturn.class, returnId);
    if (found == null || found.orderId() != orderId) {
      throw BusinessException.notFound("Return");
    }
    return found;
  }

  /**
   * A DEFECT is covered for the 24 months of the legal warranty from the sale, another reason for
   * the relay's return period ({@code SECONDEVIE_RETURN_DAYS}); later is 422 RETURN_PERIOD_OVER.
   */
  void requireWithinPeriod(LocalDateTime soldAt, ReturnReason reason, LocalDateTime now) {
    LocalDateTime until =
        reason == ReturnReason.DEFECT
            ? soldAt.plusMonths(Device.WARRANTY_MONTHS)
            : soldAt.plusDays(settings.returnDays());
    if (now.isAfter(until)) {
      throw BusinessException.unprocessable(
          "RETURN_PERIOD_OVER",
          reason == ReturnReason.DEFECT
              ? "The legal warranty of 24 months from the sale is over"
              : "Returns for a reason other than a defect are accepted for "
                  + settings.returnDays()
                  + " days after the sale");
    }
  }

  /**
   * What this return gives back by each payment, with what earlier returns gave back of it, never
   * exceeds the payment (the allocation guarantees it; this is its guard).
   */
  private void requireWithinPayments(SaleOrder order, ReturnAllocation.LineShares shares) {
    for (ReturnAllocation.PaymentShare share : shares.payments()) {
      long refunded =
          ((Number)
                  em.createNativeQuery(
                          "select coalesce(sum(amount_cents), 0) from sale_return_refund"
                              + " where payment_id = ?")
                      .setParameter(1, share.paymentId())
                      .getSingleResult())
              .longValue();
      long paid =
          order.payments().stream()
              .filter(p -> p.id().equals(share.paymentId()))
              .mapToLong(p -> p.amount().cents())
              .sum();
      if (refunded + share.cents() > paid) {
        throw BusinessException.conflict(
            "REFUND_EXCEEDS_PAYMENT", "A refund never exceeds what was paid by that means");
      }
    }
  }

  private List<SaleReturn> ofOrder(long orderId) {
    return em.createNamedQuery("SaleReturn.findOfOrder", SaleReturn.class)
        .setParameter("order", orderId)
        .getResultList();
  }

  private static String reference(SaleReturn saleReturn) {
    return "return " + saleReturn.id() + " (" + saleReturn.creditNoteNumber() + ")";
  }

  private static BusinessException alreadyReturned() {
    return BusinessException.conflict(
        "ALREADY_RETURNED", "This device of this order has already been returned");
  }
}
