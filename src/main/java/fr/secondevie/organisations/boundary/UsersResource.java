package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.boundary.ActivationsResource.AccountView;
import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Deactivating an account (the admin of its territory, a manager of its organisation; anyone else
 * does not find it): its next request, with its password or its web session, is refused on every
 * instance.
 */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  @Inject Accounts accounts;
  @Inject Caller caller;

  @POST
  @Path("{username}/deactivation")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.REFURBISHER,
    Roles.COUNTER,
    Roles.SOCIAL_WORKER,
    Roles.DONOR,
    Roles.FUNDER
  })
  public AccountView deactivate(
      @PathParam("username") @Size(max = 100, message = "at most 100 characters") String username) {
    return AccountView.of(accounts.deactivate(username, caller.get()));
  }
}
