package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Accounts;
import fr.secondevie.organisations.control.Accounts.Invitation;
import fr.secondevie.organisations.control.Accounts.NewAccount;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.control.Onboarding;
import fr.secondevie.organisations.control.Onboarding.NewOrganisation;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.control.WorkshopProfiles;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.boundary.Bounded;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coordination's management of the members of its territory's chain (admin only; another
 * territory's organisations are not found); the national coordination reads every territory's.
 */
@Path("organisations")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

  /**
   * A new organisation, as the admin types it. Request bodies are classes with public fields, not
   * records: Payara's OpenAPI generator fails on constraints of constructor parameters.
   */
  public static class OrganisationRequest {
    @NotBlank
    @Size(max = 200)
    public String name;

    @NotNull public OrganisationKind kind;
    public Boolean publicBody;

    @Pattern(regexp = "\\d{9}", message = "must be nine digits")
    public String siren;

    @Pattern(regexp = "W\\d{9}", message = "must be W followed by nine digits")
    public String rna;

    @Size(max = 100)
    public String legalForm;

    @Size(max = 500)
    public String object;

    @Size(max = 300)
    public String address;

    @Pattern(regexp = "\\d{5}", message = "must be five digits")
    public String postalCode;

    @Size(max = 100)
    public String city;

    @Size(max = 500)
    public String openingHours;
  }

  /** An organisation as the admin sees it. */
  public record OrganisationView(
      long id,
      String name,
      String kind,
      long territoryId,
      boolean publicBody,
      String siren,
      String siret,
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
          o.territoryId(),
          o.publicBody(),
          o.siren(),
          o.siret(),
          o.rna(),
          o.legalForm(),
          o.address(),
          o.postalCode(),
          o.city(),
          o.openingHours());
    }
  }

  /**
   * A new account in an organisation: API.md's {@code roles} (or one {@code role}), an e-mail for
   * the activation link, whether it manages the organisation's accounts. With a {@code password}
   * (the coordination's former way) it may log in at once and gets no link.
   */
  public static class UserRequest {
    @NotBlank
    @Pattern(regexp = "[a-z0-9._-]{2,100}", message = "2 to 100 lower-case letters, digits, . _ -")
    public String username;

    @Email
    @Size(max = 254)
    public String email;

    @Bounded(min = 1, max = 7)
    public List<
            @NotNull
            @Pattern(
                regexp = "admin|refurbisher|counter|social-worker|donor|funder",
                message =
                    "must be one of admin, refurbisher, counter, social-worker, donor, funder")
            String>
        roles;

    @Pattern(
        regexp = "admin|refurbisher|counter|social-worker|donor|funder",
        message = "must be one of admin, refurbisher, counter, social-worker, donor, funder")
    public String role;

    public Boolean manager;

    @Size(max = 200, message = "at most 200 characters")
    public String password;
  }

  /** The link of a new account, to hand over (it is also e-mailed when SMTP is set up). */
  public record LinkView(String link) {}

  /** An account, never with its password hash; its activation link when it has one. */
  public record UserView(
      long id,
      String username,
      long organisationId,
      List<String> roles,
      boolean manager,
      boolean active,
      LinkView activation) {
    static UserView of(AppUser u, String link) {
      return new UserView(
          u.id(),
          u.username(),
          u.organisation().id(),
          u.roles().stream().sorted().toList(),
          u.manager(),
          u.active(),
          link == null ? null : new LinkView(link));
    }
  }

  /** A workshop's profile: the categories it accepts, the devices it takes in a month. */
  public static class WorkshopProfileRequest {
    @NotNull
    @Bounded(min = 1, max = 10)
    public List<@NotNull DeviceCategory> categories;

    @Bounded(min = 0, max = 1_000_000)
    public Integer monthlyCapacity;
  }

  /** A workshop's profile as stored. */
  public record WorkshopProfileView(
      long organisationId, String name, List<String> categories, Integer monthlyCapacity) {
    static WorkshopProfileView of(Organisation o) {
      return new WorkshopProfileView(
          o.id(),
          o.name(),
          o.acceptedCategories().stream().map(Enum::name).toList(),
          o.monthlyCapacity());
    }
  }

  @Inject Directory directory;
  @Inject Onboarding onboarding;
  @Inject Accounts accounts;
  @Inject Territories territories;
  @Inject WorkshopProfiles profiles;
  @Inject Caller caller;
  @Context UriInfo uri;

  /** The admin's territory's organisations; the national coordination's: every territory's. */
  @GET
  @RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
  public List<OrganisationView> list() {
    List<Organisation> found =
        caller.hasRole(Roles.NATIONAL)
            ? directory.organisations()
            : directory.organisationsOfTerritory(caller.territoryId());
    return found.stream().map(OrganisationView::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
  public OrganisationView get(@PathParam("id") long id) {
    return OrganisationView.of(
        caller.hasRole(Roles.NATIONAL)
            ? directory.getOrganisation(id)
            : directory.getOrganisationInTerritory(id, caller.territoryId()));
  }

  @PUT
  @Path("{id}/workshop-profile")
  @RolesAllowed({Roles.ADMIN, Roles.REFURBISHER})
  public WorkshopProfileView setWorkshopProfile(
      @PathParam("id") long id, @Valid @NotNull WorkshopProfileRequest r) {
    return WorkshopProfileView.of(
        profiles.set(id, EnumSet.copyOf(r.categories), r.monthlyCapacity));
  }

  @GET
  @Path("{id}/workshop-profile")
  @RolesAllowed({Roles.ADMIN, Roles.REFURBISHER})
  public WorkshopProfileView workshopProfile(@PathParam("id") long id) {
    return profiles
        .reachable(id)
        .filter(o -> o.kind() == OrganisationKind.REFURBISHER)
        .map(WorkshopProfileView::of)
        .orElseThrow(() -> BusinessException.notFound("Organisation"));
  }

  @POST
  public Response register(@Valid OrganisationRequest r) {
    Organisation created =
        onboarding.register(
            new NewOrganisation(
                r.name,
                r.kind,
                Boolean.TRUE.equals(r.publicBody),
                r.siren,
                r.rna,
                r.legalForm,
                r.object,
                r.address,
                r.postalCode,
                r.city,
                r.openingHours),
            territories.find(caller.territoryId()).orElseThrow());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(OrganisationView.of(created))
        .build();
  }

  /** The SIRET of an organisation's establishment. */
  public static class SiretRequest {
    @NotNull
    @Pattern(regexp = "\\d{14}", message = "must be fourteen digits")
    public String siret;
  }

  /**
   * The SIRET that invoices name the organisation by (a relay as seller, a funder as buyer): for
   * the coordination of its territory or a manager of the organisation.
   */
  @PUT
  @Path("{id}/siret")
  @RolesAllowed({Roles.ADMIN, Roles.COUNTER, Roles.FUNDER})
  public OrganisationView registerSiret(@PathParam("id") long id, @Valid @NotNull SiretRequest r) {
    return OrganisationView.of(accounts.registerSiret(id, r.siret, caller.get()));
  }

  /** The coordination of its territory or a manager of the organisation invites its staff. */
  @POST
  @Path("{id}/users")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.REFURBISHER,
    Roles.COUNTER,
    Roles.SOCIAL_WORKER,
    Roles.DONOR,
    Roles.FUNDER
  })
  public Response createUser(@PathParam("id") long id, @Valid @NotNull UserRequest r) {
    Set<String> roles = new TreeSet<>(r.roles == null ? List.of() : r.roles);
    if (r.role != null) {
      roles.add(r.role);
    }
    if (roles.isEmpty()) {
      throw BusinessException.invalid("roles", "must name at least one role");
    }
    Invitation invited =
        accounts.invite(
            id,
            caller.get(),
            new NewAccount(r.username, r.email, roles, Boolean.TRUE.equals(r.manager), r.password),
            Links.base(uri));
    return Response.created(
            uri.getAbsolutePathBuilder().path(invited.user().id().toString()).build())
        .entity(UserView.of(invited.user(), invited.link()))
        .build();
  }

  /** The accounts of an organisation: for its coordination and its managers. */
  @GET
  @Path("{id}/users")
  @RolesAllowed({
    Roles.ADMIN,
    Roles.REFURBISHER,
    Roles.COUNTER,
    Roles.SOCIAL_WORKER,
    Roles.DONOR,
    Roles.FUNDER
  })
  public List<UserView> users(@PathParam("id") long id) {
    return accounts.accountsOf(id, caller.get()).stream().map(u -> UserView.of(u, null)).toList();
  }
}
