package fr.secondevie.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.terminal.ReaderPresentPaymentMethodParams;
import fr.secondevie.testing.FakeStripe.Answer;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe Terminal inside {@link FakeStripe}, in Stripe's wire format: locations ({@code POST/GET
 * /v1/terminal/locations}, listed or retrieved), readers registered by their registration code
 * ({@code POST /v1/terminal/readers}, listed by location, retrieved), a reader asked to process a
 * PaymentIntent ({@code /process_payment_intent}) or to stop ({@code /cancel_action}), and the test
 * helper {@code POST /v1/test_helpers/terminal/readers/{id}/present_payment_method}, which does
 * what a customer's card does on a real reader: the intent succeeds (or, with the declined test
 * card {@value #DECLINED_CARD}, fails) and the fake sends the webhooks Stripe sends then, signed
 * like Stripe's: {@code payment_intent.succeeded} and {@code terminal.reader.action_succeeded}, or
 * {@code payment_intent.payment_failed} and {@code terminal.reader.action_failed}.
 *
 * <p>Registration codes: {@code simulated-wpe} registers a new simulated reader each time, as at
 * Stripe; any other code registers once (a code is used up), except those containing {@code
 * invalid}, which Stripe does not know. The webhooks go to the application given to {@link
 * #sendWebhooksTo}, after the helper has answered, unless {@link #holdWebhooks} keeps them for the
 * test to deliver itself, in any order and as often as it likes.
 */
public final class FakeStripeTerminal {

  /** Stripe's test card that a reader declines. */
  public static final String DECLINED_CARD = "4000000000000002";

  /** A reader as the fake holds it; {@code actionStatus} null when it does nothing. */
  public record Reader(
      String id,
      String label,
      String location,
      String serialNumber,
      String status,
      String actionStatus,
      String actionIntent,
      String failureCode,
      String failureMessage) {

    Reader withAction(String status, String intent, String code, String message) {
      return new Reader(
          id, label, location, serialNumber, this.status, status, intent, code, message);
    }

    Reader withStatus(String newStatus) {
      return new Reader(
          id,
          label,
          location,
          serialNumber,
          newStatus,
          actionStatus,
          actionIntent,
          failureCode,
          failureMessage);
    }
  }

  private static final Pattern LOCATION = Pattern.compile("/v1/terminal/locations/([^/]+)");
  private static final Pattern READER = Pattern.compile("/v1/terminal/readers/([^/]+)");
  private static final Pattern PROCESS =
      Pattern.compile("/v1/terminal/readers/([^/]+)/process_payment_intent");
  private static final Pattern CANCEL =
      Pattern.compile("/v1/terminal/readers/([^/]+)/cancel_action");
  private static final Pattern PRESENT =
      Pattern.compile("/v1/test_helpers/terminal/readers/([^/]+)/present_payment_method");

  private final FakeStripe stripe;
  private final Map<String, JsonObject> locations = new LinkedHashMap<>();
  private final Map<String, Reader> readers = new LinkedHashMap<>();
  private final Set<String> usedCodes = new HashSet<>();
  private final List<String> held = new ArrayList<>();
  private URL webhooks;
  private boolean holding;

  FakeStripeTerminal(FakeStripe stripe) {
    this.stripe = stripe;
  }

  /** Sends the webhooks of presented cards to that application (its base URL). */
  public void sendWebhooksTo(URL appBase) {
    synchronized (stripe) {
      this.webhooks = appBase;
      this.holding = false;
    }
  }

  /** Keeps the webhooks of presented cards for the test ({@link #takeHeldWebhooks}). */
  public void holdWebhooks() {
    synchronized (stripe) {
      this.holding = true;
    }
  }

  /** The webhook payloads kept since the last call, in the order Stripe would have sent them. */
  public List<String> takeHeldWebhooks() {
    synchronized (stripe) {
      List<String> taken = List.copyOf(held);
      held.clear();
      return taken;
    }
  }

  public List<JsonObject> locations() {
    synchronized (stripe) {
      return List.copyOf(locations.values());
    }
  }

  public Optional<Reader> reader(String id) {
    synchronized (stripe) {
      return Optional.ofNullable(readers.get(id));
    }
  }

  /** The reader loses its connection: Stripe refuses to give it actions. */
  public void goOffline(String readerId) {
    synchronized (stripe) {
      readers.computeIfPresent(readerId, (id, r) -> r.withStatus("offline"));
    }
  }

  /**
   * What a test does in place of the customer: presents a card on the reader through stripe-java's
   * test helper ({@code Reader.TestHelpers.presentPaymentMethod}), over HTTP, as against Stripe's
   * test mode. {@code cardNumber} null presents Stripe's default test card, which is accepted.
   *
   * @return the reader's action status after it ({@code succeeded} or {@code failed})
   */
  public String presentCard(String readerId, String cardNumber) {
    StripeClient client =
        StripeClient.builder().setApiKey("sk_test_fake_terminal").setApiBase(stripe.url()).build();
    ReaderPresentPaymentMethodParams.Builder params =
        ReaderPresentPaymentMethodParams.builder()
            .setType(ReaderPresentPaymentMethodParams.Type.CARD_PRESENT);
    if (cardNumber != null) {
      params.setCardPresent(
          ReaderPresentPaymentMethodParams.CardPresent.builder().setNumber(cardNumber).build());
    }
    try {
      return client
          .v1()
          .testHelpers()
          .terminal()
          .readers()
          .presentPaymentMethod(readerId, params.build())
          .getAction()
          .getStatus();
    } catch (StripeException e) {
      throw new IllegalStateException("present_payment_method refused: " + e.getMessage(), e);
    }
  }

  Answer route(String method, String path, Map<String, String> form) {
    Matcher present = PRESENT.matcher(path);
    Matcher process = PROCESS.matcher(path);
    Matcher cancel = CANCEL.matcher(path);
    Matcher reader = READER.matcher(path);
    Matcher location = LOCATION.matcher(path);
    if ("POST".equals(method) && "/v1/terminal/locations".equals(path)) {
      return createLocation(form);
    }
    if ("GET".equals(method) && "/v1/terminal/locations".equals(path)) {
      JsonArray data = new JsonArray();
      locations.values().stream()
          .limit(Long.parseLong(form.getOrDefault("limit", "10")))
          .forEach(data::add);
      return ok(list(data, "/v1/terminal/locations"));
    }
    if ("GET".equals(method) && location.matches()) {
      JsonObject found = locations.get(location.group(1));
      return found == null ? missing("terminal.location", location.group(1)) : ok(found);
    }
    if ("POST".equals(method) && "/v1/terminal/readers".equals(path)) {
      return register(form);
    }
    if ("GET".equals(method) && "/v1/terminal/readers".equals(path)) {
      return list(form);
    }
    if ("POST".equals(method) && present.matches()) {
      return present(present.group(1), form);
    }
    if ("POST".equals(method) && process.matches()) {
      return process(process.group(1), form);
    }
    if ("POST".equals(method) && cancel.matches()) {
      return cancelAction(cancel.group(1));
    }
    if ("GET".equals(method) && reader.matches()) {
      Reader found = readers.get(reader.group(1));
      return found == null ? missing("terminal.reader", reader.group(1)) : ok(json(found));
    }
    return FakeStripe.error(
        404,
        "invalid_request_error",
        null,
        "Unrecognized request URL (" + method + ": " + path + ").");
  }

  private Answer createLocation(Map<String, String> form) {
    for (String required :
        List.of("display_name", "address[country]", "address[line1]", "address[city]")) {
      if (!form.containsKey(required)) {
        return FakeStripe.missing(required);
      }
    }
    JsonObject address = new JsonObject();
    for (String field : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
      String value = form.get("address[" + field + "]");
      if (value == null) {
        address.add(field, JsonNull.INSTANCE);
      } else {
        address.addProperty(field, value);
      }
    }
    JsonObject json = new JsonObject();
    json.addProperty("id", "tml_" + FakeStripe.token(24));
    json.addProperty("object", "terminal.location");
    json.add("address", address);
    json.addProperty("display_name", form.get("display_name"));
    json.addProperty("livemode", false);
    json.add("metadata", new JsonObject());
    locations.put(json.get("id").getAsString(), json);
    return ok(json);
  }

  private Answer register(Map<String, String> form) {
    String code = form.get("registration_code");
    if (code == null) {
      return FakeStripe.missing("registration_code");
    }
    String location = form.get("location");
    if (location == null || !locations.containsKey(location)) {
      return location == null
          ? FakeStripe.missing("location")
          : missing("terminal.location", location);
    }
    if (code.contains("invalid") || (!"simulated-wpe".equals(code) && !usedCodes.add(code))) {
      return FakeStripe.error(
          400,
          "invalid_request_error",
          "resource_missing",
          "The registration code provided was invalid. Please double check the code displayed on"
              + " the reader and try again.");
    }
    Reader reader =
        new Reader(
            "tmr_" + FakeStripe.token(24),
            form.getOrDefault("label", code),
            location,
            "WPE-SIMULATOR-" + FakeStripe.token(8).toUpperCase(),
            "online",
            null,
            null,
            null,
            null);
    readers.put(reader.id(), reader);
    return ok(json(reader));
  }

  private Answer list(Map<String, String> form) {
    String location = form.get("location");
    JsonArray data = new JsonArray();
    readers.values().stream()
        .filter(r -> location == null || location.equals(r.location()))
        .limit(Long.parseLong(form.getOrDefault("limit", "10")))
        .forEach(r -> data.add(json(r)));
    return ok(list(data, "/v1/terminal/readers"));
  }

  private static JsonObject list(JsonArray data, String url) {
    JsonObject json = new JsonObject();
    json.addProperty("object", "list");
    json.add("data", data);
    json.addProperty("has_more", false);
    json.addProperty("url", url);
    return json;
  }

  private Answer process(String readerId, Map<String, String> form) {
    Reader reader = readers.get(readerId);
    if (reader == null) {
      return missing("terminal.reader", readerId);
    }
    String intentId = form.get("payment_intent");
    if (intentId == null) {
      return FakeStripe.missing("payment_intent");
    }
    if (stripe.intent(intentId).isEmpty()) {
      return missing("payment_intent", intentId);
    }
    if ("offline".equals(reader.status())) {
      return FakeStripe.error(
          400,
          "invalid_request_error",
          "terminal_reader_offline",
          "Reader is currently offline, please ensure the reader is powered on and connected to"
              + " the internet before retrying your request.");
    }
    if ("in_progress".equals(reader.actionStatus())) {
      return FakeStripe.error(
          400,
          "invalid_request_error",
          "terminal_reader_busy",
          "Reader is currently busy processing another request. Please reference the"
              + " integration guide for more information.");
    }
    Reader busy = reader.withAction("in_progress", intentId, null, null);
    readers.put(readerId, busy);
    return ok(json(busy));
  }

  private Answer cancelAction(String readerId) {
    Reader reader = readers.get(readerId);
    if (reader == null) {
      return missing("terminal.reader", readerId);
    }
    if (!"in_progress".equals(reader.actionStatus())) {
      return FakeStripe.error(
          400,
          "invalid_request_error",
          "terminal_reader_invalid_action",
          "This reader has no action in progress to cancel.");
    }
    Reader idle = reader.withAction(null, null, null, null);
    readers.put(readerId, idle);
    return ok(json(idle));
  }

  private Answer present(String readerId, Map<String, String> form) {
    Reader reader = readers.get(readerId);
    if (reader == null) {
      return missing("terminal.reader", readerId);
    }
    if (!"in_progress".equals(reader.actionStatus())) {
      return FakeStripe.error(
          400,
          "invalid_request_error",
          "terminal_reader_invalid_action",
          "This reader has no payment to collect: process a PaymentIntent first.");
    }
    String intentId = reader.actionIntent();
    boolean declined = DECLINED_CARD.equals(form.get("card_present[number]"));
    List<String> events = new ArrayList<>();
    Reader done;
    if (declined) {
      events.add(stripe.failedEvent(intentId, "Your card was declined."));
      done = reader.withAction("failed", intentId, "card_declined", "Your card was declined.");
      events.add(FakeStripe.event("terminal.reader.action_failed", json(done)));
    } else {
      events.add(stripe.succeededEvent(intentId));
      done = reader.withAction("succeeded", intentId, null, null);
      events.add(FakeStripe.event("terminal.reader.action_succeeded", json(done)));
    }
    readers.put(readerId, done);
    if (holding || webhooks == null) {
      held.addAll(events);
    } else {
      URL target = webhooks;
      Thread sender =
          new Thread(
              () -> {
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                events.forEach(payload -> stripe.deliver(target, payload));
              },
              "fake-stripe-webhooks");
      sender.setDaemon(true);
      sender.start();
    }
    return ok(json(done));
  }

  private static JsonObject json(Reader reader) {
    JsonObject json = new JsonObject();
    json.addProperty("id", reader.id());
    json.addProperty("object", "terminal.reader");
    if (reader.actionStatus() == null) {
      json.add("action", JsonNull.INSTANCE);
    } else {
      JsonObject process = new JsonObject();
      process.addProperty("payment_intent", reader.actionIntent());
      JsonObject action = new JsonObject();
      action.addProperty("failure_code", reader.failureCode());
      action.addProperty("failure_message", reader.failureMessage());
      action.add("process_payment_intent", process);
      action.addProperty("status", reader.actionStatus());
      action.addProperty("type", "process_payment_intent");
      json.add("action", action);
    }
    json.addProperty("device_sw_version", "2.37.2.0");
    json.addProperty("device_type", "simulated_wisepos_e");
    json.addProperty("ip_address", "0.0.0.0");
    json.addProperty("label", reader.label());
    json.addProperty("last_seen_at", System.currentTimeMillis());
    json.addProperty("livemode", false);
    json.addProperty("location", reader.location());
    json.add("metadata", new JsonObject());
    json.addProperty("serial_number", reader.serialNumber());
    json.addProperty("status", reader.status());
    return json;
  }

  private static Answer ok(JsonObject json) {
    return FakeStripe.ok(json);
  }

  private static Answer missing(String kind, String id) {
    return FakeStripe.error(
        404, "invalid_request_error", "resource_missing", "No such " + kind + ": '" + id + "'");
  }
}
