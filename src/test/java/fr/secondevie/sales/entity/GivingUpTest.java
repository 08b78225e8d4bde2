package fr.secondevie.sales.entity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What giving an order up does to its payments in the database, and what it leaves to settle with
 * the card provider afterwards, outside the lock.
 */
class GivingUpTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

  /** A laptop at 150 €. */
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
                Money.ofEuros(150))));
  }

  private static Payment card(SaleOrder order, long euros, String intentId) {
    Payment payment = order.pay(PaymentMethod.CARD, Money.ofEuros(euros), NOW);
    if (intentId != null) {
      payment.awaitCard(intentId);
    }
    return payment;
  }

  @Test
  void cashIsHandedBackAnUnstartedCardCancelledAndTheProvidersCardsLeftToSettle() {
    SaleOrder order = order();
    Payment cash = order.pay(PaymentMethod.CASH, Money.ofEuros(10), NOW);
    Payment unstarted = card(order, 20, null);
    Payment pending = card(order, 30, "pi_pending");
    Payment charged = card(order, 40, "pi_charged");
    charged.succeed(NOW);
    Payment declined = card(order, 50, "pi_declined");
    declined.fail("Your card was declined.", NOW);
    assertThat(order.cardsToSettle()).as("nothing is settled while the order is open").isEmpty();

    order.close(OrderStatus.CANCELLED, NOW.plusMinutes(1));

    assertThat(cash.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(unstarted.status()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(charged.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(order.cardsToSettle()).containsExactly(pending, charged);
  }

  @Test
  void aRefundRecordedTwiceChangesThePaymentOnce() {
    SaleOrder order = order();
    Payment pending = card(order, 30, "pi_pending");
    order.close(OrderStatus.EXPIRED, NOW.plusMinutes(31));

    assertThat(pending.refundedByProvider("re_1", NOW.plusMinutes(32))).isTrue();
    assertThat(pending.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(pending.refundId()).isEqualTo("re_1");
    assertThat(pending.refundedByProvider("re_1", NOW.plusMinutes(33))).isFalse();
    assertThat(pending.refundedAt()).isEqualTo(NOW.plusMinutes(32));
    assertThat(order.cardsToSettle()).isEmpty();
  }

  @Test
  void aCardTheProviderNeverStartedIsForgottenAndTheAmountIsDueAgain() {
    SaleOrder order = order();
    Payment unstarted = card(order, 150, null);
    assertThat(order.due()).isEqualTo(Money.ZERO);

    assertThat(order.forgetUnstartedCard(unstarted)).isTrue();

    assertThat(order.payments()).isEmpty();
    assertThat(order.due()).isEqualTo(Money.ofEuros(150));
  }

  @Test
  void aCardWithItsIntentOrOfAGivenUpOrderIsNotForgotten() {
    SaleOrder order = order();
    Payment started = card(order, 100, "pi_started");
    Payment unstarted = card(order, 50, null);
    assertThat(order.forgetUnstartedCard(started)).isFalse();

    order.close(OrderStatus.CANCELLED, NOW);

    assertThat(order.forgetUnstartedCard(unstarted)).isFalse();
    assertThat(order.payments()).containsExactly(started, unstarted);
  }
}
