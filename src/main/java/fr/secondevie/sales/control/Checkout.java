package fr.secondevie.sales.control;

import fr.secondevie.devices.control.CounterDevices;
import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.BusinessMetrics;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.sales.entity.LineKind;
import fr.secondevie.sales.entity.OrderLine;
import fr.secondevie.sales.entity.OrderStatus;
import fr.secondevie.sales.entity.OrderVoucher;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.SaleOrder;
import fr.secondevie.vouchers.control.VoucherInfo;
import fr.secondevie.vouchers.control.VoucherLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The order's commands at the counter that the database alone decides, one transaction each: put a
 * voucher on it or take it off, complete it, give it up. Each first locks the order row; devices
 * change hands through {@link CounterDevices} (row locks in id order), vouchers through the
 * ledger's conditional updates, quota units under the person's row lock. Completion does everything
 * or nothing: devices SOLD, vouchers REDEEMED with each funder's share, quota units taken, receipt
 * numbered, and the sale written in the relay's journal. Money with the card provider is settled
 * outside these transactions, by {@link CardPayments}.
 */
@ApplicationScoped
public class Checkout {

  @PersistenceContext EntityManager em;
  @Inject Orders orders;
  @Inject BusinessMetrics metrics;
  @Inject CounterDevices devices;
  @Inject VoucherLedger ledger;
  @Inject Beneficiaries beneficiaries;
  @Inject Directory directory;
  @Inject SaleReceiptNumbers receiptNumbers;
  @Inject SalesJournal journal;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Puts a voucher on the order. Refusals: 409 VOUCHER_UNAVAILABLE (held by another order, used or
   * cancelled), 422 VOUCHER_EXPIRED, 422 VOUCHER_NOT_APPLICABLE (wrong kind, territory or person,
   * or nothing left to pay on the lines it may pay). The hold itself is the ledger's conditional
   * update: of 50 orders trying one voucher, one gets it.
   */
  @Transactional
  @CheckoutStep("voucher")
  public OrderSummary addVoucher(long orderId, String typedCode) {
    String code = VoucherLedger.parse(typedCode).value();
    SaleOrder order = orders.lock(orderId);
    if (order.isOpen() && order.voucher(code).isPresent()) {
      return orders.summary(order); // a repeat answers the same: the hold does not run again
    }
    LocalDateTime now = LocalDateTime.now(clock);
    order.touch(now);
    VoucherInfo held =
        ledger.holdFor(
            code,
            orderId,
            order.beneficiaryId(),
            // a bearer pass on an order with no person: valid where the relay is
            () ->
                order.beneficiaryId() == null
                    ? directory.findOrganisation(order.relayId()).map(Organisation::postalCode)
                    : beneficiaries.postalCode(order.beneficiaryId()),
            now);
    OrderVoucher applied =
        order.applyVoucher(
            code,
            held.programmeId(),
            held.programmeName(),
            held.kind().name(),
            held.funderId(),
            held.funderName(),
            Money.ofCents(held.faceValueCents()),
            now);
    audit.record(
        "ORDER_VOUCHER_ADDED",
        "SaleOrder",
        orderId,
        code + " covers " + applied.applied().cents() + " cents");
    return orders.summary(order);
  }

  /** Takes a voucher off an open order and gives it back; one not on the order is not found. */
  @Transactional
  public OrderSummary removeVoucher(long orderId, String typedCode) {
    String code = VoucherLedger.parse(typedCode).value();
    LocalDateTime now = LocalDateTime.now(clock);
    SaleOrder order = orders.lockToAct(orderId, now);
    if (!order.removeVoucher(code)) {
      throw BusinessException.notFound("Voucher on this order");
    }
    order.touch(now);
    ledger.release(code, orderId);
    audit.record("ORDER_VOUCHER_REMOVED", "SaleOrder", orderId, code);
    return orders.summary(order);
  }

  /**
   * Takes a line off an open order ({@link SaleOrder#removeLine}): its device is on sale again, and
   * the vouchers that no longer pay anything are given back. A line not on the order is not found
   * (a repeat of the same removal, too).
   */
  @Transactional
  public OrderSummary removeLine(long orderId, int lineNumber) {
    LocalDateTime now = LocalDateTime.now(clock);
    SaleOrder order = orders.lockToAct(orderId, now);
    OrderLine line = order.line(lineNumber).orElse(null);
    List<OrderVoucher> dropped = order.removeLine(lineNumber); // refuses a line not there
    order.touch(now);
    if (line.kind() == LineKind.DEVICE) {
      devices.release(List.of(line.deviceId()));
    }
    for (OrderVoucher voucher : dropped) {
      ledger.release(voucher.code(), orderId);
    }
    audit.record(
        "ORDER_LINE_REMOVED",
        "SaleOrder",
        orderId,
        "line "
            + lineNumber
            + " ("
            + (line.kind() == LineKind.DEVICE
                ? "device " + line.serialNumber()
                : "service " + line.serviceId())
            + "), "
            + dropped.size()
            + " vouchers given back");
    return orders.summary(order);
  }

  /**
   * Completes a fully paid order: devices SOLD, vouchers REDEEMED (each funder's share recorded for
   * its reconciliation), a quota unit taken per device under the person's row lock (two counters
   * selling the person's last unit: one wins, the other is 422 QUOTA_EXCEEDED and nothing of its
   * sale changes), a receipt number. Anything due or pending is 409 BALANCE_DUE. Completing a paid
   * order again answers the same.
   */
  @Transactional
  @CheckoutStep("completion")
  public OrderSummary complete(long orderId) {
    SaleOrder order = orders.lock(orderId);
    if (order.status() == OrderStatus.PAID) {
      return orders.summary(order);
    }
    LocalDateTime now = LocalDateTime.now(clock);
    order.requireSettled();
    List<Beneficiaries.QuotaUnit> units =
        order.lines().stream()
            .filter(line -> line.kind() == LineKind.DEVICE)
            .map(
                line ->
                    new Beneficiaries.QuotaUnit(line.category(), String.valueOf(line.deviceId())))
            .toList();
    if (!units.isEmpty()) {
      // a device needs a person eligible now (revoked or run out since the order was opened: 422
      // NOT_ELIGIBLE) with a unit of its category left, judged under the person's row lock
      beneficiaries.consumeQuota(order.beneficiaryId(), units);
    }
    devices.sell(order.deviceIds(), now);
    ledger.redeemAt(
        orderId,
        order.relayId(),
        order.vouchers().stream()
            .map(v -> new VoucherLedger.Share(v.code(), v.programmeId(), v.applied().cents()))
            .toList(),
        now);
    em.flush(); // write the sale first: the relay's receipt counter stays locked only to commit
    String receipt = receiptNumbers.next(order.relayId(), now.getYear());
    order.touch(now); // written with the completion: one UPDATE of the order, not two
    order.complete(receipt, now);
    journal.append(
        order.relayId(),
        SalesJournal.Kind.SALE,
        orderId,
        null,
        new SalesJournal.Amounts(
            order.paidCents(PaymentMethod.CASH),
            order.paidCents(PaymentMethod.CARD),
            order.vouchersApplied().cents()),
        now);
    audit.record(
        "ORDER_PAID",
        "SaleOrder",
        orderId,
        "receipt " + order.receiptNumber() + ", " + order.total().cents() + " cents");
    metrics.countAfterCommit("orders.completed", "Orders completed at the counters", 1);
    metrics.countAfterCommit(
        "vouchers.redeemed", "Vouchers redeemed by completed orders", order.vouchers().size());
    return orders.summary(order);
  }

  /**
   * Gives up an open order at the counter: devices back on sale, vouchers released, cash marked as
   * handed back, a card payment never started cancelled; the card payments the provider knows are
   * left for {@link CardPayments} to settle once this transaction has committed. An order already
   * cancelled changes nothing; a completed or expired one is 409 ORDER_NOT_OPEN.
   */
  @Transactional
  public void giveUp(long orderId) {
    SaleOrder order = orders.lock(orderId);
    if (order.status() != OrderStatus.CANCELLED) {
      giveUp(order, OrderStatus.CANCELLED, LocalDateTime.now(clock));
    }
  }

  /**
   * Expires one order left alone since before {@code cutoff}, if it still is (another instance's
   * job or a counter may have acted meanwhile: the order row lock decides). Like {@link #giveUp},
   * card payments the provider knows are settled afterwards.
   *
   * @return whether this call expired it
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean expire(long orderId, LocalDateTime cutoff, LocalDateTime now) {
    SaleOrder order = orders.lockAny(orderId).orElse(null);
    if (order == null || !order.leftAloneSince(cutoff)) {
      return false;
    }
    giveUp(order, OrderStatus.EXPIRED, now);
    return true;
  }

  private void giveUp(SaleOrder order, OrderStatus outcome, LocalDateTime now) {
    order.touch(now);
    devices.release(order.deviceIds());
    for (OrderVoucher voucher : order.vouchers()) {
      ledger.release(voucher.code(), order.id());
    }
    order.close(outcome, now);
    audit.record(
        "ORDER_" + outcome,
        "SaleOrder",
        order.id(),
        order.deviceIds().size()
            + " devices and "
            + order.vouchers().size()
            + " vouchers released");
  }
}
