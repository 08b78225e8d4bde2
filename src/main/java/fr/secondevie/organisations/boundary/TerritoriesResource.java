package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.boundary.Bounded;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The territories (local chains): public to read, created by the national coordination. */
@Path("territories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerritoriesResource {

  /** A new territory. */
  public static class TerritoryRequest {
    @NotNull
    @Pattern(regexp = "[A-Z0-9]{2,10}", message = "2 to 10 capital letters or digits")
    public String code;

    @NotNull
    @Pattern(regexp = "(?s)\\s*\\S.{0,199}", message = "must not be blank, at most 200 characters")
    public String name;

    @NotNull
    @Bounded(min = 1, max = 120)
    public List<
            @NotNull @Pattern(regexp = "\\d{2}|2[AB]|9[78]\\d", message = "a department number")
            String>
        departments;
  }

  /** The coordination running a territory. */
  public record CoordinationView(long id, String name) {}

  /** A territory as anyone sees it; one not run by a coordination yet has no coordination. */
  public record TerritoryView(
      long id, String code, String name, List<String> departments, CoordinationView coordination) {
    static TerritoryView of(Territory t, Map<Long, Organisation> coordinations) {
      Organisation c = t.coordinationId() == null ? null : coordinations.get(t.coordinationId());
      return new TerritoryView(
          t.id(),
          t.code(),
          t.name(),
          t.departments(),
          c == null ? null : new CoordinationView(c.id(), c.name()));
    }
  }

  @Inject Territories territories;
  @Inject Directory directory;
  @Context UriInfo uri;

  @GET
  @PermitAll
  public List<TerritoryView> list() {
    Map<Long, Organisation> coordinations = coordinations();
    return territories.all().stream().map(t -> TerritoryView.of(t, coordinations)).toList();
  }

  @POST
  @RolesAllowed(Roles.NATIONAL)
  public Response create(@Valid @NotNull TerritoryRequest r) {
    Territory created =
        territories.create(r.code, r.name.strip(), new LinkedHashSet<>(r.departments));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(TerritoryView.of(created, Map.of()))
        .build();
  }

  private Map<Long, Organisation> coordinations() {
    return directory.coordinations().stream()
        .collect(Collectors.toMap(Organisation::id, Function.identity()));
  }
}
