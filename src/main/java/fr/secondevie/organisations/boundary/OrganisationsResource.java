package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.control.Onboarding;
import fr.secondevie.organisations.control.Onboarding.NewOrganisation;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The coordination's management of the members of the chain (admin only). */
@Path("organisations")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

  /** A new organisation, as the admin types it. */
  public record OrganisationRequest(
      @NotNull
          @Pattern(
              regexp = "(?s)\\s*\\S.{0,200}",
              message = "must not be blank, at most 200 characters")
          String name,
      @NotNull OrganisationKind kind,
      Boolean publicBody,
      @Pattern(regexp = "\\d{9}", message = "must be nine digits") String siren,
      @Pattern(regexp = "W\\d{9}", message = "must be W followed by nine digits") String rna,
      @Pattern(regexp = "(?s).{0,100}", message = "at most 100 characters") String legalForm,
      @Pattern(regexp = "(?s).{0,500}", message = "at most 500 characters") String object,
      @Pattern(regexp = "(?s).{0,300}", message = "at most 300 characters") String address,
      @Pattern(regexp = "\\d{5}", message = "must be five digits") String postalCode,
      @Pattern(regexp = "(?s).{0,100}", message = "at most 100 characters") String city,
      @Pattern(regexp = "(?s).{0,500}", message = "at most 500 characters") String openingHours) {}

  /** An organisation as the admin sees it. */
  public record OrganisationView(
      long id,
      String name,
      String kind,
      boolean publicBody,
      String siren,
      String rna,
      String legalForm,
      String address,
      String postalCode,
      String city,
      String openingHours) {
    static OrganisationView of(Organisation o) {
      return new OrganisationView(
          o.id(),
          o.name(),
          o.kind().name(),
          o.publicBody(),
          o.siren(),
          o.rna(),
          o.legalForm(),
          o.address(),
          o.postalCode(),
          o.city(),
          o.openingHours());
    }
  }

  /** A new account in an organisation. */
  public record UserRequest(
      @NotNull
          @Pattern(
              regexp = "[a-z0-9._-]{2,100}",
              message = "2 to 100 lower-case letters, digits, . _ -")
          String username,
      @NotNull
          @Pattern(regexp = "(?s)(?=.*\\S).{10,200}", message = "must have 10 to 200 characters")
          String password,
      @NotNull
          @Pattern(
              regexp = "admin|refurbisher|counter|social-worker|donor|funder",
              message = "must be one of admin, refurbisher, counter, social-worker, donor, funder")
          String role) {}

  /** An account, never with its password hash. */
  public record UserView(long id, String username, long organisationId, List<String> roles) {
    static UserView of(AppUser u) {
      return new UserView(
          u.id(), u.username(), u.organisation().id(), u.roles().stream().sorted().toList());
    }
  }

  @Inject Directory directory;
  @Inject Onboarding onboarding;
  @Context UriInfo uri;

  @GET
  public List<OrganisationView> list() {
    return directory.organisations().stream().map(OrganisationView::of).toList();
  }

  @GET
  @Path("{id}")
  public OrganisationView get(@PathParam("id") long id) {
    return OrganisationView.of(directory.getOrganisation(id));
  }

  @POST
  public Response register(@Valid @NotNull OrganisationRequest r) {
    Organisation created =
        onboarding.register(
            new NewOrganisation(
                r.name(),
                r.kind(),
                Boolean.TRUE.equals(r.publicBody()),
                r.siren(),
                r.rna(),
                r.legalForm(),
                r.object(),
                r.address(),
                r.postalCode(),
                r.city(),
                r.openingHours()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(OrganisationView.of(created))
        .build();
  }

  @POST
  @Path("{id}/users")
  public Response createUser(@PathParam("id") long id, @Valid @NotNull UserRequest r) {
    AppUser user = onboarding.createUser(id, r.username(), r.password(), r.role());
    return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build())
        .entity(UserView.of(user))
        .build();
  }
}
