package fr.secondevie.sales.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What paid for each line of a paid order, so that a device brought back is given back by what paid
 * for it, and never more. The rule, in the trade's words:
 *
 * <ol>
 *   <li>The vouchers pay first. The vouchers of one kind (chèque-équipement for devices, pass
 *       numérique for services) pay the lines of that kind in the order the vouchers were put on
 *       the order, line after line in line order: the first voucher pays the first line as far as
 *       it goes, then the next line, and so on.
 *   <li>Cash and cards pay the rest, in the order they were taken, over what the vouchers left on
 *       each line, line after line.
 * </ol>
 *
 * A returned device gives back exactly its line's shares: each voucher's share goes back to its
 * funder; a voucher that paid only for lines now returned is given back to the person (the same
 * code, ISSUED again), one that still pays for a device kept stays used (a voucher gives no
 * change); each payment's share is refunded by the same means. The shares of a line are computed
 * from the order as it was sold, so returning several devices of one order, in any order, gives
 * back in total what was paid, by each means, and no more.
 */
public final class ReturnAllocation {

  /** A voucher's share of one line. */
  public record VoucherShare(String code, long cents, boolean reinstated) {}

  /** A payment's share of one line. */
  public record PaymentShare(Long paymentId, PaymentMethod method, String intentId, long cents) {}

  /** What paid for one line: the vouchers' shares, then the payments'. */
  public record LineShares(
      int lineNumber, long priceCents, List<VoucherShare> vouchers, List<PaymentShare> payments) {

    public long voucherCents() {
      return vouchers.stream().mapToLong(VoucherShare::cents).sum();
    }

    public long paidCents(PaymentMethod method) {
      return payments.stream()
          .filter(p -> p.method() == method)
          .mapToLong(PaymentShare::cents)
          .sum();
    }
  }

  private final Map<Integer, Map<String, Long>> voucherShares = new LinkedHashMap<>();
  private final Map<Integer, List<PaymentShare>> paymentShares = new LinkedHashMap<>();
  private final Map<Integer, Long> prices = new LinkedHashMap<>();

  private ReturnAllocation() {}

  /** The shares of every line of a paid order. */
  public static ReturnAllocation of(SaleOrder order) {
    ReturnAllocation allocation = new ReturnAllocation();
    List<OrderLine> lines =
        order.lines().stream().sorted(Comparator.comparingInt(OrderLine::lineNumber)).toList();
    Map<Integer, Long> left = new LinkedHashMap<>();
    for (OrderLine line : lines) {
      allocation.prices.put(line.lineNumber(), line.price().cents());
      allocation.voucherShares.put(line.lineNumber(), new LinkedHashMap<>());
      allocation.paymentShares.put(line.lineNumber(), new ArrayList<>());
      left.put(line.lineNumber(), line.price().cents());
    }
    for (OrderVoucher voucher : order.vouchers()) {
      long rest = voucher.applied().cents();
      for (OrderLine line : lines) {
        if (rest == 0) {
          break;
        }
        if (line.kind() != voucher.pays()) {
          continue;
        }
        long share = Math.min(rest, left.get(line.lineNumber()));
        if (share > 0) {
          allocation.voucherShares.get(line.lineNumber()).merge(voucher.code(), share, Long::sum);
          left.merge(line.lineNumber(), -share, Long::sum);
          rest -= share;
        }
      }
    }
    List<Payment> payments =
        order.payments().stream().filter(p -> p.status() == PaymentStatus.SUCCEEDED).toList();
    for (Payment payment : payments) {
      long rest = payment.amount().cents();
      for (OrderLine line : lines) {
        if (rest == 0) {
          break;
        }
        long share = Math.min(rest, left.get(line.lineNumber()));
        if (share > 0) {
          allocation
              .paymentShares
              .get(line.lineNumber())
              .add(new PaymentShare(payment.id(), payment.method(), payment.intentId(), share));
          left.merge(line.lineNumber(), -share, Long::sum);
          rest -= share;
        }
      }
    }
    return allocation;
  }

  /**
   * What paid for the line, when the lines {@code returnedBefore} were returned already: a voucher
   * is reinstated when every line it paid is returned once this one is.
   */
  public LineShares line(int lineNumber, Set<Integer> returnedBefore) {
    if (!prices.containsKey(lineNumber)) {
      throw new IllegalArgumentException("No line " + lineNumber + " on this order");
    }
    List<VoucherShare> vouchers = new ArrayList<>();
    voucherShares
        .get(lineNumber)
        .forEach(
            (code, cents) -> {
              boolean paysOnlyReturned =
                  voucherShares.entrySet().stream()
                      .filter(e -> e.getValue().containsKey(code))
                      .allMatch(
                          e -> e.getKey() == lineNumber || returnedBefore.contains(e.getKey()));
              vouchers.add(new VoucherShare(code, cents, paysOnlyReturned));
            });
    return new LineShares(
        lineNumber, prices.get(lineNumber), vouchers, List.copyOf(paymentShares.get(lineNumber)));
  }
}
