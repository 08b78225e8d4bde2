package fr.secondevie.impact.boundary;

import fr.secondevie.impact.control.TerritoryDashboard.Dashboard;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * A territory's dashboard and its yearly impact report (API.md, "Authorities and the national
 * coordination"): its coordination, its funders and the national coordination.
 */
@Path("territories/{territoryId}")
@RequestScoped
public class TerritoryDashboardResource {

  @Inject TerritoryDashboards dashboards;

  @GET
  @Path("dashboard")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.FUNDER, Roles.NATIONAL})
  public Dashboard dashboard(
      @PathParam("territoryId") long territoryId, @QueryParam("year") String year) {
    return dashboards.of(territoryId, dashboards.year(year));
  }

  /**
   * The yearly impact report as a PDF, in French unless the client asks for English ({@code
   * ?lang=en}, or an {@code Accept-Language} that starts with {@code en}).
   */
  @GET
  @Path("impact-report")
  @Produces("application/pdf")
  @RolesAllowed({Roles.ADMIN, Roles.FUNDER, Roles.NATIONAL})
  public Response report(
      @PathParam("territoryId") long territoryId,
      @QueryParam("year") String year,
      @QueryParam("lang") String lang,
      @HeaderParam("Accept-Language") String language) {
    Integer y = dashboards.year(year);
    String asked = lang != null ? lang : language;
    Locale locale =
        asked != null && asked.strip().toLowerCase(Locale.ROOT).startsWith("en")
            ? Locale.ENGLISH
            : Locale.FRENCH;
    byte[] pdf = dashboards.report(territoryId, y, locale);
    return Response.ok(pdf, "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"impact-territoire-"
                + territoryId
                + "-"
                + (y == null ? dashboards.thisYear() : y)
                + ".pdf\"")
        .build();
  }
}
