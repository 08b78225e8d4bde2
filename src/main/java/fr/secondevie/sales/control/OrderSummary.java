package fr.secondevie.sales.control;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.sales.entity.OrderLine;
import fr.secondevie.sales.entity.OrderVoucher;
import fr.secondevie.sales.entity.Payment;
import fr.secondevie.sales.entity.SaleOrder;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An order as the counter, the API and the receipt read it, taken inside the transaction that acted
 * on it. Amounts are in cents: {@code totalCents = paidCents + pendingCents + dueCents}, and {@code
 * paidCents} is the vouchers' share plus the payments that went through.
 */
public record OrderSummary(
    long id,
    long relayId,
    String beneficiaryId,
    String status,
    List<Line> lines,
    long listTotalCents,
    long totalCents,
    long vouchersCents,
    long paidCents,
    long pendingCents,
    long dueCents,
    List<AppliedVoucher> vouchers,
    List<PaymentSummary> payments,
    LocalDateTime openedAt,
    LocalDateTime expiresAt,
    LocalDateTime closedAt,
    String receiptNumber) {

  /** One line: a device or a service; its number names it for its removal. */
  public record Line(
      int lineNumber,
      String kind,
      Long deviceId,
      Long serviceId,
      String label,
      int quantity,
      DeviceCategory category,
      String serialNumber,
      Grade grade,
      long listPriceCents,
      long priceCents) {

    static Line of(OrderLine line) {
      return new Line(
          line.lineNumber(),
          line.kind().name(),
          line.deviceId(),
          line.serviceId(),
          line.label(),
          line.quantity(),
          line.category(),
          line.serialNumber(),
          line.grade(),
          line.listPrice().cents(),
          line.price().cents());
    }
  }

  /** A voucher on the order and the part of it the order uses. */
  public record AppliedVoucher(
      String code,
      long appliedCents,
      long faceValueCents,
      String kind,
      long programmeId,
      String programme,
      long funderId,
      String funder) {

    static AppliedVoucher of(OrderVoucher voucher) {
      return new AppliedVoucher(
          voucher.code(),
          voucher.applied().cents(),
          voucher.faceValue().cents(),
          voucher.kind(),
          voucher.programmeId(),
          voucher.programmeName(),
          voucher.funderId(),
          voucher.funderName());
    }
  }

  /** A payment; the client secret only on the answer that created a card payment. */
  public record PaymentSummary(
      long paymentId,
      String method,
      long amountCents,
      String status,
      String clientSecret,
      String failureMessage,
      LocalDateTime createdAt,
      String readerId) {

    static PaymentSummary of(Payment payment, String clientSecret) {
      return new PaymentSummary(
          payment.id(),
          payment.method().name(),
          payment.amount().cents(),
          payment.status().name(),
          clientSecret,
          payment.failureMessage(),
          payment.createdAt(),
          payment.readerId());
    }
  }

  static OrderSummary of(SaleOrder order, int holdMinutes) {
    return new OrderSummary(
        order.id(),
        order.relayId(),
        order.beneficiaryId(),
        order.status().name(),
        order.lines().stream().map(Line::of).toList(),
        order.listTotal().cents(),
        order.total().cents(),
        order.vouchersApplied().cents(),
        order.paid().cents(),
        order.pending().cents(),
        order.due().cents(),
        order.vouchers().stream().map(AppliedVoucher::of).toList(),
        order.payments().stream().map(p -> PaymentSummary.of(p, null)).toList(),
        order.openedAt(),
        order.isOpen() ? order.lastActivityAt().plusMinutes(holdMinutes) : null,
        order.closedAt(),
        order.receiptNumber());
  }
}
