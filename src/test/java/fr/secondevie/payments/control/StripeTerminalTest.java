package fr.secondevie.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.payments.control.StripeWebhook.ReceivedEvent;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.testing.FakeStripe;
import fr.secondevie.testing.FakeStripeTerminal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Terminal adapter against the fake Stripe's Terminal (stripe-java over HTTP, Stripe's wire
 * format), and what the webhook reads from the events the fake's {@code present_payment_method}
 * sends: the reader's and the intent's event both settle the same intent, the same way.
 */
class StripeTerminalTest {

  private static final String SECRET = "whsec_terminal_unit";
  private static final StripeTerminal.Address AMIENS =
      new StripeTerminal.Address("1 rue de la Gare", "80000", "Amiens");

  private final FakeStripe stripe = FakeStripe.start(0);
  private final StripeGateway gateway = new StripeGateway("sk_test_terminal", stripe.url());
  private final StripeTerminal terminal = new StripeTerminal();
  private final StripeWebhook webhook = new StripeWebhook(SECRET, Clock.systemUTC());
  private String reader;

  @BeforeEach
  void registerAReader() {
    terminal.gateway = gateway;
    String location = terminal.createLocation("Relais de test", AMIENS, "loc-key");
    assertThat(terminal.createLocation("Relais de test", AMIENS, "loc-key"))
        .as("the same key answers the same location")
        .isEqualTo(location);
    StripeTerminal.ReaderState registered =
        terminal.register("simulated-wpe", "Caisse 1", location, "reader-key");
    assertThat(registered.id()).startsWith("tmr_");
    assertThat(registered.location()).isEqualTo(location);
    assertThat(registered.status()).isEqualTo("online");
    assertThat(terminal.readers(location))
        .extracting(StripeTerminal.ReaderState::id)
        .containsExactly(registered.id());
    reader = registered.id();
    stripe.terminal().holdWebhooks();
  }

  @AfterEach
  void stop() {
    stripe.close();
  }

  @Test
  void aCardPresentedOnTheReaderSendsTwoEventsThatSettleTheIntent() {
    String intent = gateway.createCardIntent(1500, "intent-key", Map.of()).intentId();
    StripeTerminal.ReaderState busy = terminal.process(reader, intent, "process-key");
    assertThat(busy.actionStatus()).isEqualTo("in_progress");
    assertThat(busy.actionIntentId()).isEqualTo(intent);

    assertThat(stripe.terminal().presentCard(reader, null)).isEqualTo("succeeded");

    List<ReceivedEvent> events = received();
    assertThat(events)
        .extracting(ReceivedEvent::type)
        .containsExactly("payment_intent.succeeded", "terminal.reader.action_succeeded");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.intentId()).isEqualTo(intent);
              assertThat(e.settlement().succeeded()).isTrue();
            });
    assertThat(terminal.reader(reader).actionStatus()).isEqualTo("succeeded");
    assertThat(stripe.intent(intent).orElseThrow().status()).isEqualTo("succeeded");
  }

  @Test
  void aDeclinedCardFailsTheIntentWithTheReadersMessage() {
    String intent = gateway.createCardIntent(1500, "intent-key-2", Map.of()).intentId();
    terminal.process(reader, intent, "process-key-2");

    assertThat(stripe.terminal().presentCard(reader, FakeStripeTerminal.DECLINED_CARD))
        .isEqualTo("failed");

    assertThat(received())
        .hasSize(2)
        .allSatisfy(
            e -> {
              assertThat(e.intentId()).isEqualTo(intent);
              assertThat(e.settlement().succeeded()).isFalse();
              assertThat(e.settlement().failureMessage()).isEqualTo("Your card was declined.");
            });
  }

  @Test
  void aBusyOrOfflineReaderIsRefusedAndACancelledActionFreesIt() {
    String first = gateway.createCardIntent(1500, "intent-key-3", Map.of()).intentId();
    String second = gateway.createCardIntent(1500, "intent-key-4", Map.of()).intentId();
    terminal.process(reader, first, "process-key-3");
    assertThatThrownBy(() -> terminal.process(reader, second, "process-key-4"))
        .isInstanceOf(BusinessException.class)
        .hasMessageContaining("busy");
    assertThat(terminal.cancelAction(reader, "cancel-key")).isTrue();
    assertThat(terminal.reader(reader).actionStatus()).isNull();
    assertThat(terminal.cancelAction(reader, "cancel-key-again"))
        .as("nothing left to cancel")
        .isFalse();
    stripe.terminal().goOffline(reader);
    assertThatThrownBy(() -> terminal.process(reader, second, "process-key-5"))
        .isInstanceOf(BusinessException.class)
        .hasMessageContaining("offline");
  }

  @Test
  void anUnknownRegistrationCodeOrALostLocationIsSaidAsSuch() {
    String location =
        terminal.createLocation(
            "Autre relais", new StripeTerminal.Address(null, null, null), "loc-key-2");
    assertThatThrownBy(() -> terminal.register("invalid-code", "X", location, "k"))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_REGISTRATION_CODE"));
    assertThatThrownBy(() -> terminal.register("simulated-wpe", "X", "tml_gone", "k2"))
        .isInstanceOf(StripeTerminal.LocationGone.class);
  }

  private List<ReceivedEvent> received() {
    return stripe.terminal().takeHeldWebhooks().stream()
        .map(
            payload ->
                webhook.verify(payload, FakeStripe.signature(payload, SECRET, FakeStripe.now())))
        .toList();
  }
}
