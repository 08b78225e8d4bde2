package fr.secondevie.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.stripe.Stripe;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Stripe that runs inside the tests, speaking Stripe's wire format: form-encoded requests in
 * bracket notation ({@code metadata[order_id]=1}, {@code payment_method_types[0]=card_present}),
 * JSON objects shaped like Stripe's, errors as {@code {"error":{"type","code","message"}}} with a
 * 4xx status, a secret key required as a Bearer token, and idempotency keys honoured as Stripe
 * honours them (the same key answers the stored response; the same key with other parameters is an
 * {@code idempotency_error}). It keeps PaymentIntents and refunds in memory and records every
 * request, so a test can check what the application really sent. Webhook events it builds are
 * signed the way Stripe signs them, which the SDK's own verification accepts.
 */
public final class FakeStripe implements AutoCloseable {

  /** The webhook secret the server under test is given by the build. */
  public static final String WEBHOOK_SECRET = "whsec_secondevie_it";

  /** A request as the fake received it, its form parameters decoded but keys left in brackets. */
  public record Request(
      String method, String path, String idempotencyKey, Map<String, String> form, int status) {}

  /** A PaymentIntent as the fake holds it. */
  public record Intent(
      String id,
      String clientSecret,
      long amount,
      long amountReceived,
      String currency,
      String status,
      String captureMethod,
      List<String> paymentMethodTypes,
      Map<String, String> metadata,
      long created,
      String latestCharge,
      String failureMessage) {

    Intent withStatus(String newStatus, long received, String charge, String failure) {
      return new Intent(
          id,
          clientSecret,
          amount,
          received,
          currency,
          newStatus,
          captureMethod,
          paymentMethodTypes,
          metadata,
          created,
          charge,
          failure);
    }
  }

  /** A refund as the fake holds it. */
  public record Refund(
      String id, String paymentIntent, long amount, String status, Map<String, String> metadata) {}

  private record Stored(String fingerprint, int status, String body) {}

  record Answer(int status, String body) {}

  private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/([^/]+)");
  private static final Pattern CANCEL = Pattern.compile("/v1/payment_intents/([^/]+)/cancel");
  private static final Set<String> CANCELABLE =
      Set.of(
          "requires_payment_method",
          "requires_capture",
          "requires_confirmation",
          "requires_action",
          "processing");

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          4,
          task -> {
            Thread thread = new Thread(task, "fake-stripe");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Intent> intents = new LinkedHashMap<>();
  private final List<Refund> refunds = new ArrayList<>();
  private final Map<String, Stored> idempotency = new LinkedHashMap<>();
  private final List<Request> requests = new ArrayList<>();
  private final FakeStripeTerminal terminal = new FakeStripeTerminal(this);

  private FakeStripe(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a fake Stripe on that port of 127.0.0.1 (0: any free port). */
  public static FakeStripe start(int port) {
    try {
      return new FakeStripe(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the fake Stripe on the port the build reserved ({@code fake.stripe.port}), where the
   * server under test is told Stripe lives.
   */
  public static FakeStripe start() {
    String port = System.getProperty("fake.stripe.port");
    if (port == null || port.isBlank()) {
      throw new IllegalStateException("No fake.stripe.port: run through mvn verify");
    }
    return start(Integer.parseInt(port));
  }

  private static FakeStripe shared;

  /**
   * The one fake Stripe of a test run, on the port the build reserved and gave the shared server:
   * started on first use, left running until the test JVM exits. Tests tell their own intents apart
   * by the ids the application got back.
   */
  public static synchronized FakeStripe shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** Stripe Terminal's locations, readers and test helpers, in the same fake. */
  public FakeStripeTerminal terminal() {
    return terminal;
  }

  /** The base URL to give the Stripe SDK. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  public synchronized List<Intent> intents() {
    return List.copyOf(intents.values());
  }

  public synchronized Optional<Intent> intent(String id) {
    return Optional.ofNullable(intents.get(id));
  }

  public synchronized List<Refund> refunds() {
    return List.copyOf(refunds);
  }

  /** Every request received, in order, including refused ones and idempotent replays. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The idempotency keys seen, in order, one per request that carried one. */
  public synchronized List<String> idempotencyKeys() {
    return requests.stream().map(Request::idempotencyKey).filter(k -> k != null).toList();
  }

  /**
   * The customer's card was accepted: the intent (known to the fake, or made up with 10.00 EUR if
   * not) succeeds, and here is the {@code payment_intent.succeeded} event Stripe would then send.
   */
  public synchronized String succeededEvent(String intentId) {
    Intent intent = known(intentId);
    Intent succeeded = intent.withStatus("succeeded", intent.amount(), charge(), null);
    intents.put(intentId, succeeded);
    return event("payment_intent.succeeded", succeeded);
  }

  /**
   * The customer's card was declined: the intent goes back to {@code requires_payment_method} with
   * that message as its {@code last_payment_error}, in a {@code payment_intent.payment_failed}
   * event.
   */
  public synchronized String failedEvent(String intentId, String message) {
    Intent intent = known(intentId);
    Intent failed = intent.withStatus("requires_payment_method", 0, charge(), message);
    intents.put(intentId, failed);
    return event("payment_intent.payment_failed", failed);
  }

  /** The {@code Stripe-Signature} header Stripe sends with a webhook payload. */
  public static String signature(String payload, String secret, long unixSeconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Delivers an event to the application's webhook as Stripe does, signed now with the secret the
   * build gives the server under test.
   *
   * @return the HTTP status the application answered
   */
  public int deliver(URL appBase, String payload) {
    return post(appBase, payload, signature(payload, WEBHOOK_SECRET, now())).statusCode();
  }

  /** Posts a payload to the application's webhook with any {@code Stripe-Signature} (or none). */
  public static HttpResponse<String> post(URL appBase, String payload, String signatureHeader) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(appBase.toURI().resolve("api/v1/stripe/webhook"))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json; charset=utf-8")
              .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
              .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
      if (signatureHeader != null) {
        request.header("Stripe-Signature", signatureHeader);
      }
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static long now() {
    return Instant.now().getEpochSecond();
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Intent known(String intentId) {
    Intent intent = intents.get(intentId);
    if (intent != null) {
      return intent;
    }
    return new Intent(
        intentId,
        intentId + "_secret_" + token(25),
        1000,
        0,
        "eur",
        "requires_payment_method",
        "automatic",
        List.of("card_present"),
        Map.of(),
        now(),
        null,
        null);
  }

  private static String event(String type, Intent intent) {
    return event(type, json(intent));
  }

  /** An event of that type about that object, as Stripe renders it. */
  static String event(String type, JsonObject object) {
    JsonObject data = new JsonObject();
    data.add("object", object);
    JsonObject request = new JsonObject();
    request.add("id", JsonNull.INSTANCE);
    request.add("idempotency_key", JsonNull.INSTANCE);
    JsonObject event = new JsonObject();
    event.addProperty("id", "evt_" + token(24));
    event.addProperty("object", "event");
    event.addProperty("api_version", Stripe.API_VERSION);
    event.addProperty("created", now());
    event.add("data", data);
    event.addProperty("livemode", false);
    event.addProperty("pending_webhooks", 1);
    event.add("request", request);
    event.addProperty("type", type);
    return event.toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String query = exchange.getRequestURI().getRawQuery();
      Map<String, String> form = form(body.isEmpty() && query != null ? query : body);
      Answer answer;
      boolean replayed = false;
      synchronized (this) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer sk_")) {
          answer =
              error(
                  401,
                  "invalid_request_error",
                  null,
                  "Invalid API Key provided: " + String.valueOf(authorization));
        } else if (key != null && "POST".equals(method)) {
          Stored stored = idempotency.get(key);
          String fingerprint = method + " " + path + " " + form;
          if (stored == null) {
            answer = route(method, path, form);
            // Stripe (API v1) keeps the first answer once the endpoint ran, 500s included
            idempotency.put(key, new Stored(fingerprint, answer.status(), answer.body()));
          } else if (stored.fingerprint().equals(fingerprint)) {
            answer = new Answer(stored.status(), stored.body());
            replayed = true;
          } else {
            answer =
                error(
                    400,
                    "idempotency_error",
                    null,
                    "Keys for idempotent requests can only be used with the same parameters they"
                        + " were first used with. Try using a key other than '"
                        + key
                        + "' if you meant to execute a different request.");
          }
        } else {
          answer = route(method, path, form);
        }
        requests.add(new Request(method, path, key, form, answer.status()));
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Request-Id", "req_" + token(14));
      if (key != null) {
        exchange.getResponseHeaders().set("Idempotency-Key", key);
      }
      if (replayed) {
        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
      }
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private Answer route(String method, String path, Map<String, String> form) {
    if (path.startsWith("/v1/terminal/") || path.startsWith("/v1/test_helpers/terminal/")) {
      return terminal.route(method, path, form);
    }
    Matcher cancel = CANCEL.matcher(path);
    Matcher intent = INTENT.matcher(path);
    if ("POST".equals(method) && "/v1/payment_intents".equals(path)) {
      return createIntent(form);
    }
    if ("POST".equals(method) && cancel.matches()) {
      return cancel(cancel.group(1));
    }
    if ("GET".equals(method) && intent.matches()) {
      Intent found = intents.get(intent.group(1));
      return found == null ? noSuchIntent(intent.group(1)) : ok(json(found));
    }
    if ("POST".equals(method) && "/v1/refunds".equals(path)) {
      return refund(form);
    }
    if ("GET".equals(method) && "/v1/refunds".equals(path)) {
      JsonArray data = new JsonArray();
      refunds.stream()
          .filter(
              r ->
                  !form.containsKey("payment_intent")
                      || r.paymentIntent().equals(form.get("payment_intent")))
          .limit(Long.parseLong(form.getOrDefault("limit", "10")))
          .forEach(r -> data.add(json(r, intents.get(r.paymentIntent()))));
      JsonObject list = new JsonObject();
      list.addProperty("object", "list");
      list.add("data", data);
      list.addProperty("has_more", false);
      list.addProperty("url", "/v1/refunds");
      return ok(list);
    }
    return error(
        404,
        "invalid_request_error",
        null,
        "Unrecognized request URL (" + method + ": " + path + ").");
  }

  private Answer createIntent(Map<String, String> form) {
    if (!form.containsKey("amount")) {
      return missing("amount");
    }
    if (!form.containsKey("currency")) {
      return missing("currency");
    }
    long amount;
    try {
      amount = Long.parseLong(form.get("amount"));
    } catch (NumberFormatException e) {
      return error(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer");
    }
    String currency = form.get("currency").toLowerCase();
    if ("eur".equals(currency) && amount < 50) {
      return error(
          400, "invalid_request_error", "amount_too_small", "Amount must be at least €0.50 eur");
    }
    String id = "pi_" + token(24);
    Intent created =
        new Intent(
            id,
            id + "_secret_" + token(25),
            amount,
            0,
            currency,
            "requires_payment_method",
            form.getOrDefault("capture_method", "automatic"),
            indexed(form, "payment_method_types"),
            bracketed(form, "metadata"),
            now(),
            null,
            null);
    intents.put(created.id(), created);
    return ok(json(created));
  }

  private Answer cancel(String id) {
    Intent intent = intents.get(id);
    if (intent == null) {
      return noSuchIntent(id);
    }
    if (!CANCELABLE.contains(intent.status())) {
      return error(
          400,
          "invalid_request_error",
          "payment_intent_unexpected_state",
          "You cannot cancel this PaymentIntent because it has a status of "
              + intent.status()
              + ". Only a PaymentIntent with one of the following statuses may be canceled:"
              + " requires_payment_method, requires_capture, requires_confirmation,"
              + " requires_action, processing.");
    }
    Intent canceled = intent.withStatus("canceled", 0, intent.latestCharge(), null);
    intents.put(id, canceled);
    return ok(json(canceled));
  }

  /** How the fake answers the refunds of a PaymentIntent that a test made it refuse. */
  public enum Refusal {
    /** 500 {@code api_error} and no refund: Stripe could not refund at the moment. */
    REFUSE,
    /** The refund is made, and yet the answer is a 500 {@code api_error}. */
    REFUND_THEN_FAIL
  }

  private final Map<String, Refusal> refusingRefundsOf = new java.util.HashMap<>();

  /**
   * Makes the fake refuse the refunds of that PaymentIntent (true) as Stripe does when it cannot
   * refund at the moment: 500 {@code api_error}, which Stripe keeps under the idempotency key as it
   * keeps every answer once the endpoint ran, so that the same key retried gets the same 500 even
   * once refunds are accepted again (false).
   */
  public synchronized void refuseRefunds(String intentId, boolean refuse) {
    refuseRefunds(intentId, refuse ? Refusal.REFUSE : null);
  }

  /** As {@link #refuseRefunds(String, boolean)}, in that way (null: accept them again). */
  public synchronized void refuseRefunds(String intentId, Refusal refusal) {
    if (refusal != null) {
      refusingRefundsOf.put(intentId, refusal);
    } else {
      refusingRefundsOf.remove(intentId);
    }
  }

  private Answer refund(Map<String, String> form) {
    String intentId = form.get("payment_intent");
    Refusal refusal = intentId == null ? null : refusingRefundsOf.get(intentId);
    if (refusal == Refusal.REFUSE) {
      return error(500, "api_error", null, "The refund could not be processed at the moment.");
    }
    if (intentId == null) {
      return error(
          400,
          "invalid_request_error",
          "parameter_missing",
          "One of the following params should be provided for this request: payment_intent or"
              + " charge.");
    }
    Intent intent = intents.get(intentId);
    if (intent == null) {
      return noSuchIntent(intentId);
    }
    if (!"succeeded".equals(intent.status())) {
      return error(
          400,
          "invalid_request_error",
          "charge_not_refundable",
          "This PaymentIntent does not have a successful charge to refund.");
    }
    long refunded =
        refunds.stream()
            .filter(r -> r.paymentIntent().equals(intentId))
            .mapToLong(Refund::amount)
            .sum();
    long left = intent.amountReceived() - refunded;
    long amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : left;
    if (amount > left) {
      return error(
          400,
          "invalid_request_error",
          "amount_too_large",
          "Refund amount ("
              + euros(amount)
              + ") is greater than unrefunded amount on charge ("
              + euros(left)
              + ")");
    }
    Refund refund =
        new Refund("re_" + token(24), intentId, amount, "succeeded", bracketed(form, "metadata"));
    refunds.add(refund);
    if (refusal == Refusal.REFUND_THEN_FAIL) {
      return error(500, "api_error", null, "An error occurred while processing the refund.");
    }
    return ok(json(refund, intent));
  }

  private static JsonObject json(Refund refund, Intent intent) {
    JsonObject json = new JsonObject();
    json.addProperty("id", refund.id());
    json.addProperty("object", "refund");
    json.addProperty("amount", refund.amount());
    json.add("balance_transaction", JsonNull.INSTANCE);
    json.addProperty("charge", intent.latestCharge());
    json.addProperty("created", now());
    json.addProperty("currency", intent.currency());
    JsonObject metadata = new JsonObject();
    refund.metadata().forEach(metadata::addProperty);
    json.add("metadata", metadata);
    json.addProperty("payment_intent", refund.paymentIntent());
    json.add("reason", JsonNull.INSTANCE);
    json.add("receipt_number", JsonNull.INSTANCE);
    json.addProperty("status", refund.status());
    return json;
  }

  private static JsonObject json(Intent intent) {
    JsonObject json = new JsonObject();
    json.addProperty("id", intent.id());
    json.addProperty("object", "payment_intent");
    json.addProperty("amount", intent.amount());
    json.addProperty("amount_capturable", 0);
    json.addProperty("amount_received", intent.amountReceived());
    json.add("application", JsonNull.INSTANCE);
    json.add(
        "canceled_at",
        "canceled".equals(intent.status()) ? new JsonPrimitive(now()) : JsonNull.INSTANCE);
    json.add("cancellation_reason", JsonNull.INSTANCE);
    json.addProperty("capture_method", intent.captureMethod());
    json.addProperty("client_secret", intent.clientSecret());
    json.addProperty("confirmation_method", "automatic");
    json.addProperty("created", intent.created());
    json.addProperty("currency", intent.currency());
    json.add("customer", JsonNull.INSTANCE);
    json.add("description", JsonNull.INSTANCE);
    if (intent.failureMessage() == null) {
      json.add("last_payment_error", JsonNull.INSTANCE);
    } else {
      JsonObject error = new JsonObject();
      error.addProperty("type", "card_error");
      error.addProperty("code", "card_declined");
      error.addProperty("decline_code", "generic_decline");
      error.addProperty("message", intent.failureMessage());
      json.add("last_payment_error", error);
    }
    json.addProperty("latest_charge", intent.latestCharge());
    json.addProperty("livemode", false);
    JsonObject metadata = new JsonObject();
    intent.metadata().forEach(metadata::addProperty);
    json.add("metadata", metadata);
    json.add("payment_method", JsonNull.INSTANCE);
    JsonArray types = new JsonArray();
    intent.paymentMethodTypes().forEach(types::add);
    json.add("payment_method_types", types);
    json.add("receipt_email", JsonNull.INSTANCE);
    json.addProperty("status", intent.status());
    return json;
  }

  static Answer ok(JsonObject json) {
    return new Answer(200, json.toString());
  }

  static Answer missing(String parameter) {
    return error(
        400,
        "invalid_request_error",
        "parameter_missing",
        "Missing required param: " + parameter + ".");
  }

  static Answer noSuchIntent(String id) {
    return error(
        404, "invalid_request_error", "resource_missing", "No such payment_intent: '" + id + "'");
  }

  static Answer error(int status, String type, String code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("type", type);
    if (code != null) {
      error.addProperty("code", code);
      error.addProperty("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.addProperty("message", message);
    JsonObject json = new JsonObject();
    json.add("error", error);
    return new Answer(status, json.toString());
  }

  /** Decodes a form body, keeping Stripe's bracket keys as they are. */
  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      form.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return form;
  }

  /** The values of {@code name[0]}, {@code name[1]}... (or {@code name[]}), in order. */
  private static List<String> indexed(Map<String, String> form, String name) {
    List<String> values = new ArrayList<>();
    form.forEach(
        (key, value) -> {
          if (key.startsWith(name + "[") && key.endsWith("]")) {
            values.add(value);
          }
        });
    return List.copyOf(values);
  }

  /** The entries of {@code name[key]=value}. */
  private static Map<String, String> bracketed(Map<String, String> form, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    form.forEach(
        (key, value) -> {
          if (key.startsWith(name + "[") && key.endsWith("]")) {
            values.put(key.substring(name.length() + 1, key.length() - 1), value);
          }
        });
    return values;
  }

  private static String euros(long cents) {
    return String.format("€%d.%02d", cents / 100, cents % 100);
  }

  private static String charge() {
    return "ch_" + token(24);
  }

  static String token(int length) {
    String letters = UUID.randomUUID().toString().replace("-", "");
    letters += UUID.randomUUID().toString().replace("-", "");
    return letters.substring(0, length);
  }
}
