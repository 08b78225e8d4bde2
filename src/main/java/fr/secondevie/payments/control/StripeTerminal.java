package fr.secondevie.payments.control;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.terminal.Reader;
import com.stripe.param.terminal.LocationCreateParams;
import com.stripe.param.terminal.ReaderCancelActionParams;
import com.stripe.param.terminal.ReaderCreateParams;
import com.stripe.param.terminal.ReaderListParams;
import com.stripe.param.terminal.ReaderProcessPaymentIntentParams;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stripe Terminal, server-driven: a Location per relay, readers registered there by the code they
 * display, and the reader asked by the server to take the card of a PaymentIntent (the reader then
 * reports through the {@code terminal.reader.action_*} webhooks). Every POST carries the caller's
 * idempotency key, so a retried call registers, processes or cancels once. Failures are those of
 * {@link StripeGateway}: 503 CARD_PAYMENTS_UNAVAILABLE without a key, 502 PAYMENT_PROVIDER_ERROR
 * when Stripe refuses (an unknown registration code, a reader offline or busy).
 */
@ApplicationScoped
public class StripeTerminal {

  private static final Logger LOG = Logger.getLogger(StripeTerminal.class.getName());

  /** Where a relay stands, as Stripe wants a Location's address. */
  public record Address(String line1, String postalCode, String city) {}

  /**
   * A reader as Stripe describes it.
   *
   * @param status {@code online} or {@code offline} (null when Stripe does not know yet)
   * @param actionStatus the status of its current or last action ({@code in_progress}, {@code
   *     succeeded}, {@code failed}), null when it has none
   * @param actionIntentId the PaymentIntent that action processes, if any
   */
  public record ReaderState(
      String id,
      String label,
      String status,
      String deviceType,
      String serialNumber,
      String location,
      String actionStatus,
      String actionIntentId,
      String actionFailureMessage) {

    static ReaderState of(Reader reader) {
      Reader.Action action = reader.getAction();
      return new ReaderState(
          reader.getId(),
          reader.getLabel(),
          reader.getStatus(),
          reader.getDeviceType(),
          reader.getSerialNumber(),
          reader.getLocation(),
          action == null ? null : action.getStatus(),
          action == null || action.getProcessPaymentIntent() == null
              ? null
              : action.getProcessPaymentIntent().getPaymentIntent(),
          action == null ? null : action.getFailureMessage());
    }
  }

  /** Stripe no longer knows the relay's location (deleted in its dashboard, another account). */
  public static class LocationGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LocationGone(String locationId) {
      super("Stripe knows no location " + locationId);
    }
  }

  @Inject StripeGateway gateway;

  /** Creates the Terminal Location of a relay; the same key answers the same location. */
  public String createLocation(String displayName, Address address, String idempotencyKey) {
    LocationCreateParams params =
        LocationCreateParams.builder()
            .setDisplayName(displayName)
            .setAddress(
                LocationCreateParams.Address.builder()
                    .setLine1(orDash(address.line1()))
                    .setPostalCode(orDash(address.postalCode()))
                    .setCity(orDash(address.city()))
                    .setCountry("FR")
                    .build())
            .build();
    return StripeGateway.call(
            "create the relay's Terminal location",
            () ->
                gateway
                    .client()
                    .v1()
                    .terminal()
                    .locations()
                    .create(params, StripeGateway.options(idempotencyKey)))
        .getId();
  }

  /**
   * Registers the reader showing that code at that location: a code Stripe does not know (mistyped,
   * or used already) is 422 INVALID_REGISTRATION_CODE.
   */
  public ReaderState register(
      String registrationCode, String label, String locationId, String idempotencyKey) {
    ReaderCreateParams params =
        ReaderCreateParams.builder()
            .setRegistrationCode(registrationCode)
            .setLabel(label)
            .setLocation(locationId)
            .build();
    return ReaderState.of(
        StripeGateway.call(
            "register the reader",
            () -> {
              try {
                return gateway
                    .client()
                    .v1()
                    .terminal()
                    .readers()
                    .create(params, StripeGateway.options(idempotencyKey));
              } catch (InvalidRequestException e) {
                if (String.valueOf(e.getMessage()).contains("No such terminal.location")) {
                  throw new LocationGone(locationId);
                }
                if (String.valueOf(e.getMessage()).contains("registration code")) {
                  throw BusinessException.unprocessable(
                      "INVALID_REGISTRATION_CODE",
                      "Stripe knows no reader showing this code: check the code on the reader's"
                          + " screen (a code is used once)");
                }
                throw e;
              }
            }));
  }

  /** The readers of a location, at most 100. */
  public List<ReaderState> readers(String locationId) {
    ReaderListParams params =
        ReaderListParams.builder().setLocation(locationId).setLimit(100L).build();
    return StripeGateway.call(
            "list the readers", () -> gateway.client().v1().terminal().readers().list(params))
        .getData()
        .stream()
        .map(ReaderState::of)
        .toList();
  }

  /** A reader as it is now, its current action included. */
  public ReaderState reader(String readerId) {
    return ReaderState.of(
        StripeGateway.call(
            "read the reader",
            () -> gateway.client().v1().terminal().readers().retrieve(readerId)));
  }

  /** Asks the reader to take the card for that PaymentIntent. */
  public ReaderState process(String readerId, String intentId, String idempotencyKey) {
    ReaderProcessPaymentIntentParams params =
        ReaderProcessPaymentIntentParams.builder().setPaymentIntent(intentId).build();
    return ReaderState.of(
        StripeGateway.call(
            "ask the reader to take the card",
            () ->
                gateway
                    .client()
                    .v1()
                    .terminal()
                    .readers()
                    .processPaymentIntent(
                        readerId, params, StripeGateway.options(idempotencyKey))));
  }

  /**
   * Cancels what the reader is doing, best effort: a reader that is doing nothing any more (its
   * action finished, or it went offline) has nothing to cancel, and the caller cancels the intent
   * anyway, which is what keeps a card from being charged.
   *
   * @return whether Stripe accepted the cancellation
   */
  public boolean cancelAction(String readerId, String idempotencyKey) {
    try {
      gateway
          .client()
          .v1()
          .terminal()
          .readers()
          .cancelAction(
              readerId,
              ReaderCancelActionParams.builder().build(),
              StripeGateway.options(idempotencyKey));
      return true;
    } catch (StripeException e) {
      LOG.log(
          Level.INFO,
          "Reader {0} has no action to cancel ({1})",
          new Object[] {readerId, e.getCode()});
      return false;
    }
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
