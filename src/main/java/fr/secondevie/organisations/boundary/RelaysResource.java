package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.boundary.Bounded;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The relays (public) and their digital-mediation services. */
@Path("relays")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelaysResource {

  /** A relay as the public sees it. */
  public record RelayView(
      long id,
      String name,
      String address,
      String postalCode,
      String city,
      String openingHours,
      long territoryId) {
    static RelayView of(Organisation o) {
      return new RelayView(
          o.id(),
          o.name(),
          o.address(),
          o.postalCode(),
          o.city(),
          o.openingHours(),
          o.territoryId());
    }
  }

  /** A mediation service. */
  public record ServiceView(
      long id, String name, int durationMinutes, long priceCents, boolean gettingStarted) {
    static ServiceView of(MediationService s) {
      return new ServiceView(
          s.id(), s.name(), s.durationMinutes(), s.price().cents(), s.isGettingStarted());
    }
  }

  /** A new mediation service. */
  public record ServiceRequest(
      @NotNull
          @Pattern(
              regexp = "(?s)\\s*\\S.{0,200}",
              message = "must not be blank, at most 200 characters")
          String name,
      @NotNull @Bounded(min = 1, max = 1440) Integer durationMinutes,
      @NotNull @Bounded Long priceCents,
      Boolean gettingStarted) {}

  @Inject Relays relays;
  @Inject Territories territories;
  @Context UriInfo uri;

  /**
   * The relays, of one territory ({@code ?territory=HDF} or its id; default all), or of a postal
   * code's department whatever the territory ({@code ?cp=80000}).
   */
  @GET
  @PermitAll
  public List<RelayView> list(
      @QueryParam("territory") String territory, @QueryParam("cp") String postalCode) {
    if (territory != null && !territory.matches("[A-Za-z0-9]{1,18}")) {
      throw BusinessException.invalid("territory", "a territory's code or id");
    }
    if (postalCode != null && !postalCode.matches("\\d{5}")) {
      throw BusinessException.invalid("cp", "must be five digits");
    }
    List<Organisation> found =
        postalCode != null
            ? relays.ofDepartment(postalCode)
            : relays.of(territories.named(territory));
    return found.stream().map(RelayView::of).toList();
  }

  @GET
  @Path("{id}")
  @PermitAll
  public RelayView get(@PathParam("id") long id) {
    return RelayView.of(relays.get(id));
  }

  @GET
  @Path("{id}/services")
  @PermitAll
  public List<ServiceView> services(@PathParam("id") long id) {
    return relays.services(id).stream().map(ServiceView::of).toList();
  }

  @POST
  @Path("{id}/services")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public Response addService(@PathParam("id") long id, @Valid @NotNull ServiceRequest r) {
    MediationService created =
        relays.addService(
            id,
            r.name(),
            r.durationMinutes(),
            Money.ofCents(r.priceCents()),
            Boolean.TRUE.equals(r.gettingStarted()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(ServiceView.of(created))
        .build();
  }
}
