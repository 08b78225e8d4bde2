package fr.secondevie.sales.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a returned device gives back: the vouchers' shares of its line first, then the payments',
 * never more by any means than was paid, whatever the order in which the devices come back.
 */
class ReturnAllocationTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

  /** A laptop at 127 € (line 1) and a phone at 41 € (line 2). */
  private static SaleOrder laptopAndPhone() {
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
                Money.ofEuros(127)),
            OrderLine.device(
                2,
                "Fairphone 3",
                DeviceCategory.SMARTPHONE,
                "SN2",
                Grade.B,
                Money.ofEuros(90),
                Money.ofEuros(41))));
  }

  private static void voucher(SaleOrder order, String code, long euros) {
    order.applyVoucher(
        code, 1, "Chèque", "CHEQUE_EQUIPEMENT", 9, "Département", Money.ofEuros(euros), NOW);
  }

  @Test
  void theVoucherPaysTheFirstLineAndCashTheRestWhicheverDeviceComesBackFirst() {
    SaleOrder order = laptopAndPhone();
    voucher(order, "AAAABBBBCCCCDDDD", 100);
    order.pay(PaymentMethod.CASH, Money.ofEuros(68), NOW);
    ReturnAllocation allocation = ReturnAllocation.of(order);

    ReturnAllocation.LineShares phone = allocation.line(2, Set.of());
    assertThat(phone.vouchers()).isEmpty();
    assertThat(phone.paidCents(PaymentMethod.CASH)).isEqualTo(4_100);

    ReturnAllocation.LineShares laptop = allocation.line(1, Set.of(2));
    assertThat(laptop.vouchers())
        .extracting(
            ReturnAllocation.VoucherShare::code,
            ReturnAllocation.VoucherShare::cents,
            ReturnAllocation.VoucherShare::reinstated)
        .containsExactly(tuple("AAAABBBBCCCCDDDD", 10_000L, true));
    assertThat(laptop.paidCents(PaymentMethod.CASH)).isEqualTo(2_700);
    assertThat(phone.paidCents(PaymentMethod.CASH) + laptop.paidCents(PaymentMethod.CASH))
        .as("all the cash, and no more")
        .isEqualTo(6_800);
  }

  @Test
  void aVoucherThatPaysForADeviceKeptStaysUsedAndGivesItsShareBackToTheFunderOnly() {
    SaleOrder order = laptopAndPhone();
    voucher(order, "AAAABBBBCCCCDDDD", 300); // covers 168 € of both, gives no change
    ReturnAllocation allocation = ReturnAllocation.of(order);

    ReturnAllocation.LineShares phoneFirst = allocation.line(2, Set.of());
    assertThat(phoneFirst.vouchers())
        .extracting(ReturnAllocation.VoucherShare::cents, ReturnAllocation.VoucherShare::reinstated)
        .containsExactly(tuple(4_100L, false));
    assertThat(phoneFirst.payments()).isEmpty();

    ReturnAllocation.LineShares laptopThen = allocation.line(1, Set.of(2));
    assertThat(laptopThen.vouchers())
        .extracting(ReturnAllocation.VoucherShare::cents, ReturnAllocation.VoucherShare::reinstated)
        .containsExactly(tuple(12_700L, true));
  }

  @Test
  void paymentsPayInTheOrderTheyWereTakenAndEachLineIsCoveredExactly() {
    SaleOrder order = laptopAndPhone();
    voucher(order, "AAAABBBBCCCCDDDD", 50);
    voucher(order, "EEEEFFFFGGGGHHHH", 100);
    order.pay(PaymentMethod.CARD, Money.ofEuros(10), NOW).succeed(NOW);
    order.pay(PaymentMethod.CASH, Money.ofEuros(8), NOW);
    ReturnAllocation allocation = ReturnAllocation.of(order);

    ReturnAllocation.LineShares laptop = allocation.line(1, Set.of());
    assertThat(laptop.vouchers())
        .extracting(ReturnAllocation.VoucherShare::code, ReturnAllocation.VoucherShare::cents)
        .containsExactly(tuple("AAAABBBBCCCCDDDD", 5_000L), tuple("EEEEFFFFGGGGHHHH", 7_700L));
    assertThat(laptop.vouchers().get(0).reinstated()).isTrue();
    assertThat(laptop.vouchers().get(1).reinstated())
        .as("the second voucher pays the phone too")
        .isFalse();
    assertThat(laptop.payments()).isEmpty();

    ReturnAllocation.LineShares phone = allocation.line(2, Set.of(1));
    assertThat(phone.vouchers())
        .extracting(ReturnAllocation.VoucherShare::cents, ReturnAllocation.VoucherShare::reinstated)
        .containsExactly(tuple(2_300L, true));
    assertThat(phone.paidCents(PaymentMethod.CARD)).isEqualTo(1_000);
    assertThat(phone.paidCents(PaymentMethod.CASH)).isEqualTo(800);
    assertThat(phone.voucherCents() + phone.paidCents(PaymentMethod.CARD) + 800)
        .isEqualTo(phone.priceCents());
  }
}
