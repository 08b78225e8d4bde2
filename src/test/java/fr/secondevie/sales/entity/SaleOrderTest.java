package fr.secondevie.sales.entity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order's own arithmetic: what vouchers may cover, what is due, when it can be completed. */
class SaleOrderTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

  /** A laptop at 150 € (list 300 €) and a workshop at 10 €. */
  private static SaleOrder order() {
    return new SaleOrder(
        7,
        "ABCD",
        "relais",
        NOW,
        List.of(
            OrderLine.device(
                1,
                "Lenovo T480",
                DeviceCategory.LAPTOP,
                "SN1",
                Grade.A,
                Money.ofEuros(300),
                Money.ofEuros(150)),
            OrderLine.service(2, "Atelier", 1, Money.ofEuros(10))));
  }

  private static OrderVoucher voucher(SaleOrder order, String code, String kind, long euros) {
    return order.applyVoucher(
        code, 1, "Programme", kind, 9, "Département", Money.ofEuros(euros), NOW);
  }

  private static String code(Runnable act) {
    try {
      act.run();
      return "accepted";
    } catch (BusinessException e) {
      return e.code();
    }
  }

  @Test
  void totalsAddUpAndNothingIsPaidAtFirst() {
    SaleOrder order = order();
    assertThat(order.total()).isEqualTo(Money.ofEuros(160));
    assertThat(order.listTotal()).isEqualTo(Money.ofEuros(310));
    assertThat(order.due()).isEqualTo(Money.ofEuros(160));
    assertThat(order.paid()).isEqualTo(Money.ZERO);
  }

  @Test
  void aChequeEquipementPaysDeviceLinesOnlyAndGivesNoChange() {
    SaleOrder order = order();
    assertThat(voucher(order, "A", "CHEQUE_EQUIPEMENT", 100).applied())
        .isEqualTo(Money.ofEuros(100));
    // 300 € of face value, only 50 € left on the device: it covers 50 €
    assertThat(voucher(order, "B", "CHEQUE_EQUIPEMENT", 300).applied())
        .isEqualTo(Money.ofEuros(50));
    assertThat(code(() -> voucher(order, "C", "CHEQUE_EQUIPEMENT", 10)))
        .isEqualTo("VOUCHER_NOT_APPLICABLE");
    assertThat(order.due()).isEqualTo(Money.ofEuros(10));
  }

  @Test
  void aPassNumeriquePaysServiceLinesOnly() {
    SaleOrder order = order();
    assertThat(voucher(order, "P", "PASS_NUMERIQUE", 25).applied()).isEqualTo(Money.ofEuros(10));
    assertThat(code(() -> voucher(order, "Q", "PASS_NUMERIQUE", 10)))
        .isEqualTo("VOUCHER_NOT_APPLICABLE");
    assertThat(order.due()).isEqualTo(Money.ofEuros(150));
  }

  @Test
  void theSameVoucherTwiceCountsOnce() {
    SaleOrder order = order();
    voucher(order, "A", "CHEQUE_EQUIPEMENT", 40);
    voucher(order, "A", "CHEQUE_EQUIPEMENT", 40);
    assertThat(order.vouchers()).hasSize(1);
    assertThat(order.due()).isEqualTo(Money.ofEuros(120));
  }

  @Test
  void aVoucherCoversNoMoreThanIsDueAfterCash() {
    SaleOrder order = order();
    order.pay(PaymentMethod.CASH, Money.ofEuros(155), NOW);
    assertThat(voucher(order, "A", "CHEQUE_EQUIPEMENT", 100).applied()).isEqualTo(Money.ofEuros(5));
    assertThat(order.due()).isEqualTo(Money.ZERO);
  }

  @Test
  void paymentsNeverExceedWhatIsDueAndAPendingCardBlocksCompletion() {
    SaleOrder order = order();
    assertThat(code(() -> order.pay(PaymentMethod.CASH, Money.ofCents(16_001), NOW)))
        .isEqualTo("AMOUNT_EXCEEDS_DUE");
    Payment card = order.pay(PaymentMethod.CARD, Money.ofEuros(60), NOW);
    assertThat(order.due()).isEqualTo(Money.ofEuros(100));
    assertThat(order.pending()).isEqualTo(Money.ofEuros(60));
    order.pay(PaymentMethod.CASH, Money.ofEuros(100), NOW);
    assertThat(code(() -> order.complete("R-1", NOW))).isEqualTo("BALANCE_DUE");
    assertThat(card.succeed(NOW)).isTrue();
    order.complete("R-1", NOW);
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.paid()).isEqualTo(order.total());
    assertThat(code(() -> order.pay(PaymentMethod.CASH, Money.ofCents(1), NOW)))
        .isEqualTo("ORDER_NOT_OPEN");
  }

  @Test
  void aCardSettlesOnceALateFailureChangesNothingAndADeclinedCardMayStillSucceed() {
    SaleOrder order = order();
    Payment card = order.pay(PaymentMethod.CARD, Money.ofEuros(160), NOW);
    assertThat(card.fail("Carte refusée", NOW)).isTrue();
    assertThat(order.due()).isEqualTo(Money.ofEuros(160));
    assertThat(card.succeed(NOW)).isTrue();
    assertThat(card.fail("late", NOW)).isFalse();
    assertThat(card.succeed(NOW)).isFalse();
    assertThat(card.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(order.due()).isEqualTo(Money.ZERO);
  }

  @Test
  void aGivenUpOrderIsFinalAndHoldsCountFromTheLastAct() {
    SaleOrder order = order();
    // with a 30-minute hold, at 10:31 the cutoff is 10:01
    assertThat(order.leftAloneSince(NOW.plusMinutes(1))).isTrue();
    order.touch(NOW.plusMinutes(20));
    assertThat(order.leftAloneSince(NOW.plusMinutes(1))).isFalse();
    assertThat(order.leftAloneSince(NOW.plusMinutes(21))).isTrue();
    order.close(OrderStatus.EXPIRED, NOW.plusMinutes(51));
    assertThat(order.leftAloneSince(NOW.plusMinutes(90))).isFalse();
    assertThat(code(() -> voucher(order, "A", "CHEQUE_EQUIPEMENT", 10)))
        .isEqualTo("ORDER_NOT_OPEN");
  }

  @Test
  void aLineRemovedTakesItsVouchersDownWithItAndKeepsTheOthers() {
    SaleOrder order = order();
    voucher(order, "A", "CHEQUE_EQUIPEMENT", 100);
    voucher(order, "P", "PASS_NUMERIQUE", 25);
    // the workshop goes: the pass numérique pays nothing any more and is given back
    assertThat(order.removeLine(2)).extracting(OrderVoucher::code).containsExactly("P");
    assertThat(order.lines()).extracting(OrderLine::lineNumber).containsExactly(1);
    assertThat(order.vouchers()).extracting(OrderVoucher::code).containsExactly("A");
    assertThat(order.total()).isEqualTo(Money.ofEuros(150));
    assertThat(order.due()).isEqualTo(Money.ofEuros(50));
    assertThat(code(() -> order.removeLine(1))).isEqualTo("LAST_LINE");
    assertThat(code(() -> order.removeLine(2))).isEqualTo("NOT_FOUND");
  }

  @Test
  void aVoucherPaysNoMoreThanIsLeftOnItsLinesOnceALineIsGone() {
    SaleOrder order =
        new SaleOrder(
            7,
            "ABCD",
            "relais",
            NOW,
            List.of(
                OrderLine.device(
                    1,
                    "T480",
                    DeviceCategory.LAPTOP,
                    "SN1",
                    Grade.A,
                    Money.ofEuros(100),
                    Money.ofEuros(80)),
                OrderLine.device(
                    2,
                    "T490",
                    DeviceCategory.LAPTOP,
                    "SN2",
                    Grade.B,
                    Money.ofEuros(100),
                    Money.ofEuros(60))));
    voucher(order, "A", "CHEQUE_EQUIPEMENT", 50);
    voucher(order, "B", "CHEQUE_EQUIPEMENT", 50);
    // 140 € of devices: A pays 50, B 50; without the first device, 60 € are left: A 50, B 10
    assertThat(order.removeLine(1)).isEmpty();
    assertThat(order.vouchers())
        .extracting(v -> v.code() + ":" + v.applied().cents())
        .containsExactly("A:5000", "B:1000");
    assertThat(order.due()).isEqualTo(Money.ZERO);
  }

  @Test
  void aLineIsNotRemovedWhenCashAlreadyPaysMoreThanWouldBeLeftNorOnceTheOrderIsClosed() {
    SaleOrder order = order();
    order.pay(PaymentMethod.CASH, Money.ofEuros(150), NOW);
    assertThat(code(() -> order.removeLine(1))).isEqualTo("LINE_ALREADY_PAID");
    assertThat(order.lines()).hasSize(2);
    assertThat(order.removeLine(2)).isEmpty();
    assertThat(order.due()).isEqualTo(Money.ZERO);
    order.close(OrderStatus.CANCELLED, NOW);
    assertThat(code(() -> order.removeLine(1))).isEqualTo("ORDER_NOT_OPEN");
  }
}
