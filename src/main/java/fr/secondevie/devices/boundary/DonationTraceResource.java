package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.Traceability.Summary;
import fr.secondevie.devices.boundary.Traceability.Trace;
import fr.secondevie.devices.boundary.Traceability.TracedDevice;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The donor's trace of a donation, as JSON or as CSV ({@code Accept: text/csv}). */
@Path("donations/{donationId}/trace")
@RequestScoped
public class DonationTraceResource {

  /** The trace as API.md shapes it. */
  public record TraceView(long donationId, List<TracedDevice> devices, Summary summary) {}

  @Inject Traceability traceability;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.DONOR, Roles.ADMIN})
  public TraceView json(@PathParam("donationId") long donationId) {
    Trace trace = traceability.of(donationId);
    return new TraceView(trace.donation().id(), trace.devices(), trace.summary());
  }

  @GET
  @Produces("text/csv")
  @RolesAllowed({Roles.DONOR, Roles.ADMIN})
  public Response csv(@PathParam("donationId") long donationId) {
    Trace trace = traceability.of(donationId);
    return Response.ok(TraceCsv.of(trace.devices()), "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition", "attachment; filename=\"donation-" + donationId + "-trace.csv\"")
        .build();
  }
}
