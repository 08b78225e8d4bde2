package fr.secondevie.payments.control;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The payment port over Stripe. Card payments are taken at the counter on a Stripe Terminal reader,
 * so a PaymentIntent is created for {@code card_present} in euros and captured automatically; the
 * reader collects the card and the webhook tells us the outcome.
 *
 * <p>The secret key comes from {@code STRIPE_SECRET_KEY}; without one the relay simply takes no
 * cards. {@code STRIPE_API_BASE} points the SDK elsewhere than Stripe (the tests' fake). Calls wait
 * a few seconds at most, since a customer is standing at the counter, and the SDK retries a failed
 * connection once: every call carries the caller's idempotency key, so a retry can never charge or
 * refund twice.
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

  private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());
  static final int CONNECT_TIMEOUT_MS = 3_000;
  static final int READ_TIMEOUT_MS = 10_000;
  static final int NETWORK_RETRIES = 1;
  static final String REFERENCE = "reference";

  private final StripeClient client;

  /** For the CDI proxy only. */
  protected StripeGateway() {
    this.client = null;
  }

  @Inject
  public StripeGateway(
      @ConfigProperty(name = "stripe.secret.key") Optional<String> secretKey,
      @ConfigProperty(name = "stripe.api.base") Optional<String> apiBase) {
    this(secretKey.orElse(null), apiBase.orElse(null));
  }

  /**
   * A gateway with that secret key (none or blank: card payments unavailable), talking to that base
   * URL (none or blank: Stripe itself).
   */
  public StripeGateway(String secretKey, String apiBase) {
    if (secretKey == null || secretKey.isBlank()) {
      this.client = null;
      return;
    }
    StripeClient.StripeClientBuilder builder =
        StripeClient.builder()
            .setApiKey(secretKey.trim())
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setReadTimeout(READ_TIMEOUT_MS)
            .setMaxNetworkRetries(NETWORK_RETRIES);
    if (apiBase != null && !apiBase.isBlank()) {
      builder.setApiBase(apiBase.trim());
    }
    this.client = builder.build();
  }

  @Override
  public boolean available() {
    return client != null;
  }

  @Override
  public CardIntent createCardIntent(
      long amountCents, String idempotencyKey, Map<String, String> metadata) {
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(amountCents)
            .setCurrency("eur")
            .addPaymentMethodType("card_present")
            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
            .putAllMetadata(metadata == null ? Map.of() : metadata)
            .build();
    PaymentIntent intent =
        call(
            "create a PaymentIntent",
            () -> client().v1().paymentIntents().create(params, options(idempotencyKey)));
    return new CardIntent(intent.getId(), intent.getClientSecret(), intent.getStatus());
  }

  @Override
  public boolean cancel(String intentId, String idempotencyKey) {
    try {
      client()
          .v1()
          .paymentIntents()
          .cancel(intentId, PaymentIntentCancelParams.builder().build(), options(idempotencyKey));
      return true;
    } catch (StripeException e) {
      if ("payment_intent_unexpected_state".equals(e.getCode())) {
        // Stripe refuses to cancel an intent that succeeded or is already cancelled: ask which.
        String status =
            call(
                    "read PaymentIntent " + intentId,
                    () -> client().v1().paymentIntents().retrieve(intentId))
                .getStatus();
        if ("canceled".equals(status)) {
          return true;
        }
        if ("succeeded".equals(status)) {
          return false;
        }
      }
      return call(
          "cancel PaymentIntent " + intentId,
          () -> {
            throw e;
          });
    }
  }

  @Override
  public String refund(String intentId, long amountCents, String idempotencyKey, String reference) {
    RefundCreateParams.Builder params =
        RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(amountCents);
    if (reference != null) {
      params.putMetadata(REFERENCE, reference);
    }
    return call(
            "refund PaymentIntent " + intentId,
            () -> client().v1().refunds().create(params.build(), options(idempotencyKey)))
        .getId();
  }

  @Override
  public Optional<String> refundOf(String intentId, String reference) {
    RefundListParams params =
        RefundListParams.builder().setPaymentIntent(intentId).setLimit(100L).build();
    return call(
            "list the refunds of PaymentIntent " + intentId,
            () -> client().v1().refunds().list(params))
        .getData()
        .stream()
        .filter(r -> reference.equals(r.getMetadata().get(REFERENCE)))
        .filter(r -> !"failed".equals(r.getStatus()) && !"canceled".equals(r.getStatus()))
        .map(com.stripe.model.Refund::getId)
        .findFirst();
  }

  /** The SDK's client: 503 CARD_PAYMENTS_UNAVAILABLE when no secret key is configured. */
  StripeClient client() {
    if (client == null) {
      throw new BusinessException(
          503,
          "CARD_PAYMENTS_UNAVAILABLE",
          "Card payments are not available at the moment: pay in cash or by voucher");
    }
    return client;
  }

  static RequestOptions options(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("Stripe calls that move money need an idempotency key");
    }
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  interface StripeCall<T> {
    T run() throws StripeException;
  }

  static <T> T call(String what, StripeCall<T> call) {
    try {
      return call.run();
    } catch (StripeException e) {
      LOG.log(
          Level.WARNING,
          "Stripe refused or could not be reached to "
              + what
              + " (request "
              + e.getRequestId()
              + ", code "
              + e.getCode()
              + ")",
          e);
      String detail =
          "The card payment provider could not "
              + what
              + ": "
              + (e.getStripeError() != null && e.getStripeError().getMessage() != null
                  ? e.getStripeError().getMessage()
                  : e.getMessage());
      if (!(e instanceof ApiConnectionException)
          && e.getStatusCode() != null
          && e.getStatusCode() >= 400) {
        throw new ProviderAnswered(detail);
      }
      throw new BusinessException(502, "PAYMENT_PROVIDER_ERROR", detail);
    }
  }
}
