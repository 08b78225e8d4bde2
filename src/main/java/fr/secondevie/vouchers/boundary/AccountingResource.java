package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.control.AccountingExports;
import fr.secondevie.vouchers.control.Reconciliation.Period;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The exports for the funder's public accountant (issue 18, part 4; beyond API.md): the redemptions
 * and reversals of its programmes over a period, and the statements of the period's months, as CSV
 * ({@link AccountingExports}). A funder gets its authority's programmes, the coordination its
 * territory's; {@code from} and {@code to} are days, both included (none: all).
 */
@Path("accounting")
@RequestScoped
@Produces(VoucherProgramsResource.CSV)
public class AccountingResource {

  @Inject AccountingExports exports;

  @GET
  @Path("redemptions")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public Response redemptions(@QueryParam("from") String from, @QueryParam("to") String to) {
    Period period = VoucherProgramsResource.period(from, to);
    AccountingExports.Export export = exports.redemptions(period);
    StreamingOutput body = export::writeTo;
    return csv(body, "bons-utilises.csv");
  }

  @GET
  @Path("statements")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public Response statements(@QueryParam("from") String from, @QueryParam("to") String to) {
    Period period = VoucherProgramsResource.period(from, to);
    AccountingExports.Export export = exports.statements(period);
    StreamingOutput body = export::writeTo;
    return csv(body, "releves.csv");
  }

  private static Response csv(StreamingOutput body, String filename) {
    return Response.ok(body, VoucherProgramsResource.CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }
}
