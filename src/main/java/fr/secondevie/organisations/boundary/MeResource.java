package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Who am I: the caller, its roles and its organisation. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  /** The caller as API.md describes it. */
  public record Me(
      String username, List<String> roles, long territoryId, OrganisationSummary organisation) {}

  /** An organisation as others may see it. */
  public record OrganisationSummary(long id, String name, String kind, long territoryId) {
    static OrganisationSummary of(Organisation o) {
      return new OrganisationSummary(o.id(), o.name(), o.kind().name(), o.territoryId());
    }
  }

  /** A change of one's own password. */
  public static class PasswordChangeBody {
    @NotNull
    @Size(max = 200)
    public String currentPassword;

    @NotNull
    @Size(max = 200)
    public String newPassword;
  }

  @Inject Caller caller;
  @Inject Directory directory;
  @Inject Accounts accounts;

  @GET
  @RolesAllowed({
    Roles.ADMIN,
    Roles.REFURBISHER,
    Roles.COUNTER,
    Roles.SOCIAL_WORKER,
    Roles.DONOR,
    Roles.FUNDER,
    Roles.NATIONAL
  })
  public Me me() {
    var who = caller.get();
    return new Me(
        who.username(),
        who.roles().stream().sorted().toList(),
        who.territoryId(),
        OrganisationSummary.of(directory.getOrganisation(who.organisationId())));
  }

  /**
   * Changes the caller's password (the current one checked, the new one of 12 characters at least):
   * its other sessions and cached credentials end, on every instance; this one goes on.
   */
  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.ADMIN,
    Roles.REFURBISHER,
    Roles.COUNTER,
    Roles.SOCIAL_WORKER,
    Roles.DONOR,
    Roles.FUNDER,
    Roles.NATIONAL
  })
  public Response changePassword(@Valid @NotNull PasswordChangeBody b) {
    caller.credentialsChanged(
        accounts.changePassword(caller.username(), b.currentPassword, b.newPassword));
    return Response.noContent().build();
  }
}
