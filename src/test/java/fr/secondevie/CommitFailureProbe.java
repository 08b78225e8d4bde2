package fr.secondevie;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.vouchers.entity.Statement;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

/**
 * Test-only endpoints of the in-container deployment (never in the shipped WAR) whose transaction
 * fails at commit, after the method returned, as concurrent requests make it fail: a unique key
 * met, a row changed since it was read, a row that refers to nothing. They show what the API
 * answers then, through the application's real JAX-RS runtime and transaction interceptor.
 */
@Path("test/commit-failures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommitFailureProbe {

  @PersistenceContext EntityManager em;

  /** A user named like an existing one, written only at commit. */
  @POST
  @Path("unique")
  @PermitAll
  @Transactional
  public Map<String, String> unique() {
    Organisation any = em.find(AppUser.class, firstUserId()).organisation();
    em.persist(new AppUser("admin", "x", any, Set.of("donor"), LocalDateTime.now()));
    return Map.of("written", "at commit");
  }

  /** A donation changed by someone else (its version moved) after this transaction read it. */
  @POST
  @Path("stale/{donation}")
  @PermitAll
  @Transactional
  public Map<String, String> stale(@PathParam("donation") long id) {
    Donation donation = em.find(Donation.class, id);
    em.createNativeQuery("update donation set version = version + 1 where id = ?")
        .setParameter(1, id)
        .executeUpdate();
    donation.receive(LocalDateTime.now());
    return Map.of("written", "at commit");
  }

  /** A statement of a programme that does not exist: neither a conflict nor the caller's fault. */
  @POST
  @Path("broken")
  @PermitAll
  @Transactional
  public Map<String, String> broken() {
    em.persist(
        new Statement(
            Long.MAX_VALUE,
            null,
            Statement.Kind.FUNDER_CREDIT,
            YearMonth.of(2026, 1),
            1,
            Money.ofCents(100),
            LocalDateTime.now()));
    return Map.of("written", "at commit");
  }

  private long firstUserId() {
    return ((Number) em.createNativeQuery("select min(id) from app_user").getSingleResult())
        .longValue();
  }
}
