package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.security.Caller;
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
 * typing, or someone guessing from their relay's address). A coordination sees the locks of its own
 * territory's accounts, of names no account has and of addresses across names; the locks of another
 * territory's accounts are not its business (nor are their names); the national coordination sees
 * them all.
 */
@Path("login-locks")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
@Produces(MediaType.APPLICATION_JSON)
public class LoginLocksResource {

  /** A lock: {@code username} is null for an address locked across every user name. */
  public record LockView(
      String username, String clientAddress, int attempts, OffsetDateTime lockedUntil) {}

  @Inject LoginThrottle throttle;
  @Inject Directory directory;
  @Inject Caller caller;

  @GET
  public List<LockView> current() {
    boolean national = caller.hasRole(Roles.NATIONAL);
    return throttle.currentLocks().stream()
        .filter(lock -> national || ours(lock.username()))
        .map(
            lock ->
                new LockView(
                    lock.username(),
                    lock.clientAddress(),
                    lock.attempts(),
                    lock.lockedUntil().atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime()))
        .toList();
  }

  /** Whether a lock's name is none, no account's, or an account of the caller's territory. */
  private boolean ours(String username) {
    return username == null
        || directory
            .findUser(username)
            .map(u -> u.organisation().territoryId().equals(caller.territoryId()))
            .orElse(true);
  }
}
