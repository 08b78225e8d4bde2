package fr.secondevie.payments.boundary;

import fr.secondevie.payments.control.StripeEventLog;
import fr.secondevie.payments.control.StripeWebhook;
import fr.secondevie.payments.control.StripeWebhook.ReceivedEvent;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where Stripe tells us how card payments ended. It takes no credentials, since Stripe has none of
 * ours: the signature of each delivery is the authentication. The body is taken as bytes and read
 * as UTF-8, exactly as Stripe signed it, before any JSON binding could alter it.
 *
 * <p>Stripe only needs a 2xx to stop retrying, so a redelivered event is answered 200 as well, with
 * {@code "duplicate":true} to say that it changed nothing. A delivery that could not tell whether a
 * simultaneous one applied the event answers 409, and Stripe delivers it again later.
 */
@Path("stripe/webhook")
@RequestScoped
public class StripeWebhookResource {

  private static final Map<String, Boolean> RECEIVED = Map.of("received", true);
  private static final Map<String, Boolean> DUPLICATE = Map.of("received", true, "duplicate", true);

  @Inject StripeWebhook webhook;
  @Inject StripeEventLog events;

  @POST
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Boolean> receive(
      byte[] payload, @HeaderParam("Stripe-Signature") String signature) {
    ReceivedEvent event = webhook.verify(new String(payload, StandardCharsets.UTF_8), signature);
    try {
      return events.applyOnce(event) ? RECEIVED : DUPLICATE;
    } catch (RuntimeException e) {
      if (StripeEventLog.isDuplicate(e)) {
        return DUPLICATE;
      }
      if (StripeEventLog.isStillBeingApplied(e)) {
        throw BusinessException.conflict(
            "CONCURRENT_UPDATE", "Another delivery of this event is being applied: try again");
      }
      throw e;
    }
  }
}
