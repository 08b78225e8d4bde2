package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.organisations.entity.AppUser;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Activating an account through its link: public, the link is the proof (72 h, once). */
@Path("activations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivationsResource {

  /** The password chosen through an activation link. */
  public static class ActivationBody {
    @NotNull
    @Size(max = 200)
    public String password;
  }

  /** An account as its activation and deactivation answer. */
  public record AccountView(String username, long organisationId, boolean active) {
    static AccountView of(AppUser u) {
      return new AccountView(u.username(), u.organisation().id(), u.active());
    }
  }

  @Inject Accounts accounts;

  @POST
  @Path("{token}")
  @PermitAll
  public AccountView activate(
      @PathParam("token") @Pattern(regexp = "[A-Za-z0-9_-]{20,100}", message = "not a link's token")
          String token,
      @Valid @NotNull ActivationBody b) {
    return AccountView.of(accounts.activate(token, b.password));
  }
}
