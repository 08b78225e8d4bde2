package fr.secondevie.payments.control;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import fr.secondevie.payments.entity.CardPaymentSettled;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads what Stripe posts to the webhook. Anyone can post there, so nothing is believed before the
 * {@code Stripe-Signature} header proves that Stripe signed this very payload with the secret of
 * {@code STRIPE_WEBHOOK_SECRET} less than five minutes ago (an old, captured delivery cannot be
 * replayed later).
 *
 * <p>The payment intent inside an event is read leniently: the SDK only hands back a typed object
 * when the event was rendered in the API version the SDK was built for, and the account's version
 * may be older or newer. The fields we need (id, amount, the decline message) have not changed in
 * years, so they are read from the raw JSON when the typed object is not available.
 */
@ApplicationScoped
public class StripeWebhook {

  static final String SUCCEEDED = "payment_intent.succeeded";
  static final String FAILED = "payment_intent.payment_failed";
  static final String READER_SUCCEEDED = "terminal.reader.action_succeeded";
  static final String READER_FAILED = "terminal.reader.action_failed";

  private static final Logger LOG = Logger.getLogger(StripeWebhook.class.getName());

  /**
   * An authentic Stripe event, reduced to what the application acts on.
   *
   * @param intentId the PaymentIntent it is about, if it is about one
   * @param settlement the settled card payment it announces, {@code null} for the event types that
   *     settle nothing
   */
  public record ReceivedEvent(
      String id, String type, String intentId, CardPaymentSettled settlement) {}

  private record Intent(String id, Long amount, String failureMessage) {}

  private final String secret;
  private final Clock clock;

  /** For the CDI proxy only. */
  protected StripeWebhook() {
    this.secret = null;
    this.clock = null;
  }

  @Inject
  public StripeWebhook(
      @ConfigProperty(name = "stripe.webhook.secret") Optional<String> secret, Clock clock) {
    this(secret.orElse(null), clock);
  }

  /** A webhook checked against that signing secret (none or blank: every delivery refused). */
  public StripeWebhook(String secret, Clock clock) {
    this.secret = secret == null || secret.isBlank() ? null : secret.trim();
    this.clock = clock;
  }

  /**
   * The event of a delivery whose signature holds. Refusals: 400 INVALID_SIGNATURE for a missing,
   * wrong or stale signature and for a payload that is not a Stripe event; 503
   * CARD_PAYMENTS_UNAVAILABLE when this server has no webhook secret (Stripe will retry).
   */
  public ReceivedEvent verify(String payload, String signatureHeader) {
    if (secret == null) {
      throw new BusinessException(
          503,
          "CARD_PAYMENTS_UNAVAILABLE",
          "Stripe webhooks are not configured on this server (no signing secret)");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw invalid("The Stripe-Signature header is missing");
    }
    Event event;
    try {
      event =
          Webhook.constructEvent(
              payload, signatureHeader, secret, Webhook.DEFAULT_TOLERANCE, clock);
    } catch (SignatureVerificationException e) {
      throw invalid("The Stripe-Signature header does not hold: " + e.getMessage());
    } catch (RuntimeException e) {
      throw invalid("The payload is not a Stripe event");
    }
    if (event.getId() == null || event.getType() == null) {
      throw invalid("The payload is not a Stripe event (no id or type)");
    }
    if (READER_SUCCEEDED.equals(event.getType()) || READER_FAILED.equals(event.getType())) {
      return readerAction(event);
    }
    boolean succeeded = SUCCEEDED.equals(event.getType());
    boolean settles = succeeded || FAILED.equals(event.getType());
    Intent intent =
        event.getData() == null || !event.getType().startsWith("payment_intent.")
            ? null
            : intentOf(event.getDataObjectDeserializer());
    if (!settles) {
      return new ReceivedEvent(
          event.getId(), event.getType(), intent == null ? null : intent.id(), null);
    }
    if (intent == null || intent.id() == null || intent.amount() == null) {
      throw invalid("The " + event.getType() + " event carries no payment intent");
    }
    return new ReceivedEvent(
        event.getId(),
        event.getType(),
        intent.id(),
        new CardPaymentSettled(
            event.getId(),
            intent.id(),
            succeeded,
            intent.amount(),
            succeeded ? null : intent.failureMessage()));
  }

  /**
   * A reader's action ended: when it was processing a PaymentIntent, it settles that intent's
   * payment like the intent's own event (whichever of the two arrives first settles it, the other
   * changes nothing). The reader's event does not carry the amount: it is announced as 0.
   */
  private static ReceivedEvent readerAction(Event event) {
    JsonObject action = null;
    if (event.getData() != null) {
      try (JsonReader reader =
          Json.createReader(new StringReader(event.getDataObjectDeserializer().getRawJson()))) {
        JsonValue value = reader.readObject().get("action");
        action = value instanceof JsonObject object ? object : null;
      } catch (RuntimeException e) {
        throw invalid("The " + event.getType() + " event carries no reader");
      }
    }
    String intentId = null;
    if (action != null
        && "process_payment_intent".equals(text(action.get("type")))
        && action.get("process_payment_intent") instanceof JsonObject process) {
      JsonValue intent = process.get("payment_intent");
      intentId = intent instanceof JsonObject expanded ? text(expanded.get("id")) : text(intent);
    }
    if (intentId == null) {
      return new ReceivedEvent(event.getId(), event.getType(), null, null);
    }
    boolean succeeded = READER_SUCCEEDED.equals(event.getType());
    String message = succeeded ? null : text(action.get("failure_message"));
    return new ReceivedEvent(
        event.getId(),
        event.getType(),
        intentId,
        new CardPaymentSettled(
            event.getId(),
            intentId,
            succeeded,
            0,
            succeeded ? null : message == null ? text(action.get("failure_code")) : message));
  }

  private static Intent intentOf(EventDataObjectDeserializer data) {
    StripeObject object = null;
    try {
      object = data.getObject().orElse(null);
      if (object == null) {
        object = data.deserializeUnsafe();
      }
    } catch (EventDataObjectDeserializationException | RuntimeException e) {
      LOG.log(Level.FINE, "Event object not readable by the SDK, reading its JSON", e);
    }
    if (object instanceof PaymentIntent intent && intent.getId() != null) {
      return new Intent(
          intent.getId(),
          intent.getAmount(),
          intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage());
    }
    return fromJson(data.getRawJson());
  }

  private static Intent fromJson(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      JsonValue error = object.get("last_payment_error");
      return new Intent(
          text(object.get("id")),
          object.get("amount") instanceof JsonNumber amount ? amount.longValueExact() : null,
          error instanceof JsonObject details ? text(details.get("message")) : null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : null;
  }

  private static BusinessException invalid(String detail) {
    return BusinessException.badRequest("INVALID_SIGNATURE", detail);
  }
}
