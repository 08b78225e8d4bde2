package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.boundary.VoucherViews.VoucherView;
import fr.secondevie.vouchers.control.VoucherLedger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One voucher by its code: a counter checks it (status in plain terms), its funder cancels it. A
 * code that fails its check character is refused (400 MALFORMED_CODE) before any lookup.
 */
@Path("vouchers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VouchersResource {

  @Inject VoucherLedger ledger;

  @GET
  @Path("{code}")
  @RolesAllowed({Roles.COUNTER, Roles.FUNDER, Roles.ADMIN})
  public VoucherView check(@PathParam("code") String code) {
    return VoucherView.of(ledger.check(code));
  }

  @POST
  @Path("{code}/cancellation")
  @RolesAllowed(Roles.FUNDER)
  public VoucherView cancel(@PathParam("code") String code) {
    return VoucherView.of(ledger.cancel(code));
  }
}
