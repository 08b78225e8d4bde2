package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.security.LoginThrottle;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The login locks in force, for the coordination: which user name is locked from which client
 * address, and until when, so that an agent who cannot log in can be told why (a lock of their own
 * typing, or someone guessing from their relay's address).
 */
@Path("login-locks")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class LoginLocksResource {

  /** A lock: {@code username} is null for an address locked across every user name. */
  public record LockView(
      String username, String clientAddress, int attempts, OffsetDateTime lockedUntil) {}

  @Inject LoginThrottle throttle;

  @GET
  public List<LockView> current() {
    return throttle.currentLocks().stream()
        .map(
            lock ->
                new LockView(
                    lock.username(),
                    lock.clientAddress(),
                    lock.attempts(),
                    lock.lockedUntil().atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime()))
        .toList();
  }
}
