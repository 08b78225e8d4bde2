package fr.secondevie;

import fr.secondevie.sales.control.HoldExpiryJob;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A test-only endpoint of the in-container deployment (never in the shipped WAR): runs the hold
 * expiry job as if that many minutes had passed, for the tests that watch from the outside what it
 * does with the card provider (the fake Stripe runs in the test JVM).
 */
@Path("test/hold-expiry")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HoldExpiryProbe {

  @Inject HoldExpiryJob job;
  @Inject Clock clock;

  @POST
  @PermitAll
  public Map<String, Integer> run(@QueryParam("minutesAhead") int minutesAhead) {
    return Map.of(
        "expired", job.releaseLeftAlone(LocalDateTime.now(clock).plusMinutes(minutesAhead)));
  }
}
